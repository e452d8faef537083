import EpisodeIO
import Foundation
import GRDB

/// The problems the library reports in a line: a damaged database, a
/// podcast that is not there, a feed that cannot be added.
public struct LibraryError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The library's SQLite file, `$XDG_DATA_HOME/podread/library.sqlite`, in
/// WAL mode so one podread can refresh while another reads. Migrations are
/// numbered and never edited.
enum LibraryDatabase {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1: podcasts, episodes, positions") { db in
            try db.create(table: "podcast") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("feedURL", .text).notNull().unique()
                table.column("title", .text).notNull()
                table.column("author", .text)
                table.column("imageURL", .text)
                table.column("lastFetched", .double)
                table.column("etag", .text)
                table.column("lastModified", .text)
                table.column("lastError", .text)
                table.column("added", .double).notNull()
            }
            try db.create(table: "episode") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("podcastID", .integer).notNull().indexed().references("podcast", onDelete: .cascade)
                table.column("identity", .text).notNull()
                table.column("title", .text).notNull()
                table.column("date", .text)
                table.column("duration", .double)
                table.column("audioURL", .text)
                table.column("pageURL", .text)
                table.column("shownotes", .text).notNull()
                table.column("links", .text).notNull().defaults(to: "[]")
                table.column("transcriptURL", .text)
                table.column("chaptersURL", .text)
                table.column("transcriptCached", .boolean).notNull().defaults(to: false)
                table.column("chaptersCached", .boolean).notNull().defaults(to: false)
                table.column("fetchProblem", .text)
                table.column("inFeed", .boolean).notNull().defaults(to: true)
                table.column("position", .double)
                table.column("finished", .boolean).notNull().defaults(to: false)
                table.uniqueKey(["podcastID", "identity"])
            }
            try db.create(table: "position") { table in
                table.primaryKey("key", .text)
                table.column("seconds", .double).notNull()
            }
            try db.create(table: "setting") { table in
                table.primaryKey("name", .text)
                table.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("2: revisions for the search index") { db in
            // Every change to what the search index holds of an episode
            // counts up its revision, whoever makes it: the index compares
            // revisions to know what to index again, without reading any file.
            try db.alter(table: "episode") { table in
                table.add(column: "revision", .integer).notNull().defaults(to: 0)
            }
            try db.execute(sql: """
                CREATE TRIGGER episodeRevision AFTER UPDATE ON episode
                WHEN OLD.title IS NOT NEW.title OR OLD.shownotes IS NOT NEW.shownotes OR OLD.links IS NOT NEW.links
                  OR OLD.transcriptURL IS NOT NEW.transcriptURL OR OLD.chaptersURL IS NOT NEW.chaptersURL
                  OR OLD.transcriptCached IS NOT NEW.transcriptCached OR OLD.chaptersCached IS NOT NEW.chaptersCached
                BEGIN UPDATE episode SET revision = revision + 1 WHERE id = NEW.id; END;
                CREATE TRIGGER podcastAuthorRevision AFTER UPDATE OF author ON podcast
                WHEN OLD.author IS NOT NEW.author
                BEGIN UPDATE episode SET revision = revision + 1 WHERE podcastID = NEW.id; END;
                """)
            // Which library an index belongs to: a library started over
            // numbers its episodes from 1 again.
            try db.execute(sql: "INSERT OR REPLACE INTO setting (name, value) VALUES ('libraryID', ?)",
                           arguments: [UUID().uuidString])
        }
        return migrator
    }

    /// Opens (creating when missing) and migrates the database. A file that
    /// is not a database, or is damaged, is never replaced: the error says
    /// how to start over.
    static func open(at file: URL) throws -> DatabasePool {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        // In WAL mode NORMAL never corrupts the file; a power cut may lose the
        // last refresh's marks, which the next refresh fetches again.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            let pool = try DatabasePool(path: file.path, configuration: configuration)
            try migrator().migrate(pool)
            return pool
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode.primaryResultCode) {
            throw LibraryError("\(file.path) is damaged (\(error.resultCode == .SQLITE_NOTADB ? "not a database" : "corrupt")); it was left as it is. 'podread library --reset' moves it aside and starts an empty library")
        } catch let error as DatabaseError {
            throw LibraryError("\(file.path): \(error.message ?? "the database cannot be opened")")
        }
    }

    /// Moves the database aside (`library-2026-11-30-170102.sqlite`), with
    /// its WAL files, so the next start makes a new one. Returns where it went.
    static func moveAside(_ file: URL, now: Date = Date()) throws -> URL? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd-HHmmss"
        let stamp = formatter.string(from: now)
        let aside = file.deletingLastPathComponent().appendingPathComponent("library-\(stamp).sqlite")
        try FileManager.default.moveItem(at: file, to: aside)
        for suffix in ["-wal", "-shm"] {
            let companion = URL(fileURLWithPath: file.path + suffix)
            if FileManager.default.fileExists(atPath: companion.path) {
                try? FileManager.default.moveItem(at: companion, to: URL(fileURLWithPath: aside.path + suffix))
            }
        }
        return aside
    }
}
