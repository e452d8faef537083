import EpisodeIO
import EpisodeKit
import Foundation
import GRDB

/// What one podcast's refresh did.
public struct RefreshReport: Sendable {
    public var podcast: Podcast
    /// The feed answered 304: nothing changed.
    public var unchanged = false
    public var newEpisodes = 0
    public var episodes = 0
    public var transcriptsFetched = 0
    /// Transcripts or chapters that could not be had, each with why.
    public var fileProblems: [String] = []
    /// Why the feed itself failed (its last good copy stays).
    public var failure: String?
}

/// How far a refresh is, for a progress line.
public struct RefreshProgress: Sendable {
    public var feedsDone: Int
    public var feeds: Int
    public var transcriptsFetched: Int
    public var failures: Int
}

/// Fetches feeds a few at a time, with conditional requests (a 304 costs
/// nothing), stores what changed in one transaction per feed, then fetches
/// the transcripts and chapters not yet in the cache.
public struct Refresher: Sendable {
    public let library: Library
    public var fetcher: HTTPFetcher
    /// Feeds fetched at once: a few, never all.
    public var concurrentFeeds = 4
    /// Transcripts and chapters fetched at once within one feed.
    public var concurrentFiles = 4

    public init(library: Library, fetcher: HTTPFetcher = HTTPFetcher()) {
        self.library = library
        self.fetcher = fetcher
    }

    /// Refreshes these podcasts; the reports come back in the same order.
    public func refresh(_ podcasts: [Podcast], progress: (@Sendable (RefreshProgress) -> Void)? = nil) -> [RefreshReport] {
        let state = Locked(RefreshProgress(feedsDone: 0, feeds: podcasts.count, transcriptsFetched: 0, failures: 0))
        let reports = Locked([RefreshReport?](repeating: nil, count: podcasts.count))
        Concurrently.forEach(podcasts.indices, width: concurrentFeeds) { number in
            let report = refreshOne(podcasts[number]) { fetched in
                let now = state.withLock { value -> RefreshProgress in
                    value.transcriptsFetched += fetched
                    return value
                }
                progress?(now)
            }
            reports.withLock { $0[number] = report }
            let now = state.withLock { value -> RefreshProgress in
                value.feedsDone += 1
                if report.failure != nil { value.failures += 1 }
                return value
            }
            progress?(now)
        }
        return reports.withLock { $0.compactMap { $0 } }
    }

    /// One podcast: its feed, then its missing files.
    public func refreshOne(_ podcast: Podcast, fetched: (@Sendable (Int) -> Void)? = nil) -> RefreshReport {
        var report = RefreshReport(podcast: podcast)
        guard let id = podcast.id else { return report }
        let location = EpisodeLocation(argument: podcast.feedURL)
        do {
            let feedFile = library.cache.feed(id)
            var bytes: [UInt8]
            var validators = HTTPFetcher.Validators()
            var movedTo: URL?
            switch location {
            case .web(let url):
                // Validators only while the cached copy is there to fall back on.
                let sent = library.cache.has(feedFile) ? HTTPFetcher.Validators(etag: podcast.etag, lastModified: podcast.lastModified) : nil
                let response = try fetcher.fetch(url, validators: sent)
                validators = response.validators
                movedTo = response.movedTo
                if response.notModified {
                    report.unchanged = true
                    bytes = library.cache.read(feedFile) ?? []
                } else {
                    bytes = response.body
                }
            case .file(let path):
                bytes = try FileBytes.read(path: path)
            }
            let feed = try Self.readFeed(bytes, name: podcast.feedURL)
            if !report.unchanged { try library.cache.write(bytes, to: feedFile) }
            var updated = podcast
            updated.title = feed.podcast
            updated.author = feed.author
            updated.imageURL = feed.image
            updated.lastFetched = Date().timeIntervalSince1970
            updated.lastError = nil
            if !report.unchanged {
                updated.etag = validators.etag
                updated.lastModified = validators.lastModified
            }
            if let movedTo, (try? library.podcast(feedURL: movedTo.absoluteString)) == nil {
                updated.feedURL = movedTo.absoluteString
            }
            let counts = try store(feed, of: updated, from: location, replacing: !report.unchanged)
            report.podcast = updated
            report.newEpisodes = counts.new
            report.episodes = counts.total
        } catch {
            report.failure = Self.describe(error)
            var failed = podcast
            failed.lastError = report.failure
            try? library.update(failed)
            return report
        }
        fetchFiles(of: report.podcast, report: &report, fetched: fetched)
        return report
    }

    static func readFeed(_ bytes: [UInt8], name: String) throws -> Feed {
        let source = try EpisodeReader.decode(bytes)
        let format = FormatDetector.detect(source)
        guard format == .rss else {
            let looks = format == .html ? "a web page" : "\(format.rawValue)"
            throw LibraryError("\(name): this is not a podcast feed (it looks like \(looks))")
        }
        do {
            return try FeedReader.read(source)
        } catch {
            throw LibraryError("\(name):\(error.line.map { "\($0):" } ?? "") \(error.message)")
        }
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? LoadError { return error.description }
        if let error = error as? LibraryError { return error.message }
        if let error = error as? EpisodeReadError { return error.message }
        return SystemReason.of(error)
    }

    /// The feed's items into the library, in one transaction: new ones
    /// added, known ones brought up to date (a changed transcript link is
    /// fetched again), and those no longer listed kept, marked as gone.
    private func store(_ feed: Feed, of podcast: Podcast, from location: EpisodeLocation, replacing: Bool) throws -> (new: Int, total: Int) {
        guard let podcastID = podcast.id else { return (0, 0) }
        return try library.pool.write { db in
            try podcast.update(db)
            guard replacing else {
                return (0, try LibraryEpisode.filter(Column("podcastID") == podcastID).fetchCount(db))
            }
            var new = 0
            var identities = Set<String>()
            // Known episodes at once: a feed of ten thousand items is ten thousand lookups otherwise.
            var known: [String: LibraryEpisode] = [:]
            for row in try LibraryEpisode.filter(Column("podcastID") == podcastID).fetchAll(db) { known[row.identity] = row }
            for item in feed.items {
                let identity = item.identity
                guard identities.insert(identity).inserted else { continue }  // a feed that lists an item twice
                let episode = feed.episode(item)
                let transcript = item.preferredTranscript.flatMap { location.resolve($0.url)?.description }
                let chapters = item.chaptersURL.flatMap { location.resolve($0)?.description }
                if var row = known[identity] {
                    if row.transcriptURL != transcript { row.transcriptCached = false; row.fetchProblem = nil }
                    if row.chaptersURL != chapters { row.chaptersCached = false }
                    let before = row
                    row.fill(from: episode, transcript: transcript, chapters: chapters)
                    if row != before { try row.update(db) }
                } else {
                    var row = LibraryEpisode(id: nil, podcastID: podcastID, identity: identity, title: "", date: nil, duration: nil,
                                             audioURL: nil, pageURL: nil, shownotes: "", links: "[]", transcriptURL: nil, chaptersURL: nil,
                                             transcriptCached: false, chaptersCached: false, fetchProblem: nil, inFeed: true,
                                             position: nil, finished: false)
                    row.fill(from: episode, transcript: transcript, chapters: chapters)
                    try row.insert(db)
                    new += 1
                }
            }
            // Items the feed no longer lists stay, with what the reader remembers of them.
            let all = try LibraryEpisode.filter(Column("podcastID") == podcastID).fetchAll(db)
            for var row in all where row.inFeed && !identities.contains(row.identity) {
                row.inFeed = false
                try row.update(db)
            }
            return (new, all.count)
        }
    }

    /// The transcripts and chapters the cache does not have yet, a few at a time.
    private func fetchFiles(of podcast: Podcast, report: inout RefreshReport, fetched: (@Sendable (Int) -> Void)?) {
        guard let podcastID = podcast.id,
              let missing = try? library.pool.read({ db in
                  try LibraryEpisode.filter(Column("podcastID") == podcastID
                      && ((Column("transcriptURL") != nil && Column("transcriptCached") == false)
                          || (Column("chaptersURL") != nil && Column("chaptersCached") == false))).fetchAll(db)
              }) else { return }
        let problems = Locked([String]())
        let count = Locked(0)
        let done = Locked([LibraryEpisode]())
        let library = self.library
        let fetcher = self.fetcher
        Concurrently.forEach(missing.indices, width: concurrentFiles) { number in
            var episode = missing[number]
            guard let episodeID = episode.id else { return }
            var changed = false
            if let link = episode.transcriptURL, !episode.transcriptCached {
                do {
                    let bytes = try Self.bytes(of: link, fetcher: fetcher)
                    try library.cache.write(bytes, to: library.cache.transcript(podcastID, episodeID))
                    episode.transcriptCached = true
                    episode.fetchProblem = nil
                    count.withLock { $0 += 1 }
                    fetched?(1)
                } catch {
                    episode.fetchProblem = Self.describe(error)
                    problems.withLock { $0.append("\(episode.title): transcript: \(Self.describe(error))") }
                }
                changed = true
            }
            if let link = episode.chaptersURL, !episode.chaptersCached {
                do {
                    let bytes = try Self.bytes(of: link, fetcher: fetcher)
                    try library.cache.write(bytes, to: library.cache.chapters(podcastID, episodeID))
                    episode.chaptersCached = true
                } catch {
                    problems.withLock { $0.append("\(episode.title): chapters: \(Self.describe(error))") }
                }
                changed = true
            }
            if changed { done.withLock { $0.append(episode) } }
        }
        // One transaction for the podcast's files: a file in the cache whose
        // mark was not written yet (podread killed meanwhile) is fetched again next time.
        let rows = done.withLock { $0 }
        try? library.pool.write { db in
            for row in rows {
                try db.execute(sql: "UPDATE episode SET transcriptCached = ?, chaptersCached = ?, fetchProblem = ? WHERE id = ?",
                               arguments: [row.transcriptCached, row.chaptersCached, row.fetchProblem, row.id])
            }
        }
        report.transcriptsFetched = count.withLock { $0 }
        report.fileProblems = problems.withLock { $0 }
    }

    static func bytes(of link: String, fetcher: HTTPFetcher) throws -> [UInt8] {
        switch EpisodeLocation(argument: link) {
        case .web(let url): return try fetcher.fetch(url)
        case .file(let path): return try FileBytes.read(path: path)
        }
    }
}

extension LibraryEpisode {
    /// The feed's word on an episode (the reader's position is kept).
    mutating func fill(from episode: Episode, transcript: String?, chapters: String?) {
        title = episode.title
        date = episode.publicationDate?.description
        duration = episode.statedDuration?.seconds
        audioURL = episode.audioURL
        pageURL = episode.pageURL
        shownotes = episode.shownotes
        links = StoredLink.encode(episode.reading)
        transcriptURL = transcript
        chaptersURL = chapters
        inFeed = true
    }
}

/// Work spread over a few threads: fetching waits on servers, not the
/// processor; reading a library's files uses every core.
public enum Concurrently {
    public static func forEach(_ items: Range<Int>, width: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard !items.isEmpty else { return }
        let next = Locked(items.lowerBound)
        let group = DispatchGroup()
        for _ in 0..<min(max(1, width), items.count) {
            group.enter()
            Thread {
                while true {
                    let number = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard number < items.upperBound else { break }
                    body(number)
                }
                group.leave()
            }.start()
        }
        group.wait()
    }
}
