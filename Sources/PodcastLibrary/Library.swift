import EpisodeIO
import EpisodeKit
import Foundation
import GRDB

/// The podcasts a person follows and their episodes, kept offline: the
/// database (`$XDG_DATA_HOME/podread/library.sqlite`) and the cache of
/// fetched files (`$XDG_CACHE_HOME/podread/`).
public final class Library: Sendable {
    public let databaseFile: URL
    public let cache: FeedCache
    let pool: DatabasePool

    public static func databaseFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        XDGDirectory.data.podreadFolder(environment: environment).appendingPathComponent("library.sqlite")
    }

    /// Whether a library was ever made here (commands without an episode
    /// use the bundled sample until one has podcasts).
    public static func exists(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        FileManager.default.fileExists(atPath: databaseFile(environment: environment).path)
    }

    /// Opens the library, making it on first use; reading positions kept
    /// in `positions.json` by earlier versions are carried in, once.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        databaseFile = Self.databaseFile(environment: environment)
        cache = FeedCache(folder: XDGDirectory.cache.podreadFolder(environment: environment))
        pool = try LibraryDatabase.open(at: databaseFile)
        try importPositionsOnce(from: ReadingPositions(environment: environment))
    }

    /// Moves a (damaged) database aside with the date in its name; returns where it went.
    public static func reset(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL? {
        try LibraryDatabase.moveAside(databaseFile(environment: environment))
    }

    // MARK: - Podcasts

    /// The podcasts in the order they were added; their numbers (from 1) are these places.
    public func podcasts() throws -> [Podcast] {
        try pool.read { db in try Podcast.order(Column("id")).fetchAll(db) }
    }

    public var isEmpty: Bool { ((try? pool.read { db in try Podcast.fetchCount(db) }) ?? 0) == 0 }

    public func podcast(feedURL: String) throws -> Podcast? {
        try pool.read { db in try Podcast.filter(Column("feedURL") == feedURL).fetchOne(db) }
    }

    /// A podcast named by its number in `podread library` or a unique part
    /// of its title; an unknown or ambiguous name says which podcasts there are.
    public func podcast(named query: String) throws -> Podcast {
        let all = try podcasts()
        if let number = Int(query) {
            guard (1...max(1, all.count)).contains(number), number <= all.count else {
                throw LibraryError("no podcast number \(number): the library has \(all.count) (see 'podread library')")
            }
            return all[number - 1]
        }
        let wanted = query.lowercased()
        let exact = all.filter { $0.title.lowercased() == wanted }
        if exact.count == 1 { return exact[0] }
        let matches = all.filter { $0.title.lowercased().contains(wanted) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw LibraryError("no podcast in the library matches \"\(query)\" (see 'podread library')") }
        let listed = matches.map { podcast in "\((all.firstIndex(of: podcast) ?? 0) + 1). \(podcast.title)" }.joined(separator: "; ")
        throw LibraryError("\"\(query)\" matches \(matches.count) podcasts: \(listed); give its number or more of its title")
    }

    /// Subscribes to a feed without fetching it (an OPML import subscribes
    /// first, then refreshes); an address already there is left as it is.
    @discardableResult
    public func subscribe(feedURL: String, title: String?) throws -> (podcast: Podcast, isNew: Bool) {
        try pool.write { db in
            if let existing = try Podcast.filter(Column("feedURL") == feedURL).fetchOne(db) { return (existing, false) }
            var podcast = Podcast(feedURL: feedURL, title: title ?? feedURL)
            try podcast.insert(db)
            return (podcast, true)
        }
    }

    /// A podcast leaves the library with its episodes, positions and cached files.
    public func remove(_ podcast: Podcast) throws {
        guard let id = podcast.id else { return }
        _ = try pool.write { db in try Podcast.deleteOne(db, key: id) }
        cache.remove(id)
    }

    public func update(_ podcast: Podcast) throws {
        try pool.write { db in
            try podcast.update(db)
        }
    }

    // MARK: - Episodes

    /// A podcast's episodes, newest first (those that left the feed too).
    public func episodes(of podcast: Podcast) throws -> [LibraryEpisode] {
        guard let id = podcast.id else { return [] }
        return try pool.read { db in
            try LibraryEpisode.filter(Column("podcastID") == id)
                .order(Column("date").desc, Column("id").asc).fetchAll(db)
        }
    }

    /// Episodes, transcripts and unread episodes (never opened, not
    /// finished) per podcast, in one query.
    public func counts() throws -> [Int64: (episodes: Int, transcripts: Int, unread: Int)] {
        try pool.read { db in
            var result: [Int64: (Int, Int, Int)] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT podcastID, COUNT(*), SUM(transcriptCached), SUM(position IS NULL AND NOT finished)
                FROM episode GROUP BY podcastID
                """)
            for row in rows { result[row[0]] = (row[1], row[2] ?? 0, row[3] ?? 0) }
            return result
        }
    }

    /// One episode and its podcast, by the episode's id.
    public func episode(id: Int64) throws -> (LibraryEpisode, Podcast)? {
        try pool.read { db in
            guard let row = try LibraryEpisode.fetchOne(db, key: id), let podcast = try Podcast.fetchOne(db, key: row.podcastID) else { return nil }
            return (row, podcast)
        }
    }

    // MARK: - What the reader remembers

    public func position(forKey key: String) throws -> TimeCode? {
        try pool.read { db in try RememberedPosition.fetchOne(db, key: key).map { TimeCode(seconds: $0.seconds) } }
    }

    public func savePosition(_ time: TimeCode, forKey key: String) throws {
        try pool.write { db in try RememberedPosition(key: key, seconds: time.seconds).save(db) }
    }

    public func position(ofEpisode id: Int64) throws -> TimeCode? {
        try pool.read { db in try LibraryEpisode.fetchOne(db, key: id)?.position.map { TimeCode(seconds: $0) } }
    }

    /// Where a library episode was left; reaching its end marks it finished.
    public func savePosition(_ time: TimeCode, ofEpisode id: Int64, finished: Bool) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE episode SET position = ?, finished = finished OR ? WHERE id = ?",
                           arguments: [time.seconds, finished, id])
        }
    }

    /// Marks a library episode finished, or not (`x` on the episodes screen).
    public func setFinished(_ id: Int64, _ finished: Bool) throws {
        try pool.write { db in try db.execute(sql: "UPDATE episode SET finished = ? WHERE id = ?", arguments: [finished, id]) }
    }

    private func importPositionsOnce(from positions: ReadingPositions) throws {
        let done = try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE name = 'positionsImported'") }
        guard done == nil else { return }
        let old = positions.load().positions
        try pool.write { db in
            for (key, seconds) in old where try RememberedPosition.fetchOne(db, key: key) == nil {
                try RememberedPosition(key: key, seconds: seconds).insert(db)
            }
            try db.execute(sql: "INSERT OR REPLACE INTO setting (name, value) VALUES ('positionsImported', ?)",
                           arguments: ["\(old.count)"])
        }
    }
}
