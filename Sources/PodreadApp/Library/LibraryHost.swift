import EpisodeIO
import EpisodeKit
import Foundation
import PodcastLibrary

/// The library as the app's screens use it: summaries for the lists,
/// episodes opened from the cache, a search index over every episode
/// (built on a thread of its own), and refreshes in the background whose
/// progress the run loop collects between keys.
public final class LibraryHost: @unchecked Sendable {
    public let library: Library
    private let refreshState = Locked<(line: String?, finished: [RefreshReport]?)>((nil, nil))
    private let refreshing = Locked(false)
    private let index = Locked<LibraryIndex?>(nil)
    private let indexing = Locked(false)
    private let indexProgress = Locked<String?>(nil)

    public init(library: Library) {
        self.library = library
    }

    // MARK: - Lists

    public func podcasts() -> [PodcastSummary] {
        let podcasts = (try? library.podcasts()) ?? []
        let counts = (try? library.counts()) ?? [:]
        return podcasts.compactMap { podcast in
            guard let id = podcast.id else { return nil }
            let count = counts[id] ?? (0, 0, 0)
            return PodcastSummary(id: id, title: podcast.title, episodes: count.episodes, transcripts: count.transcripts, unread: count.unread,
                                  refreshed: podcast.lastFetched.map(Self.timestamp), problem: podcast.lastError)
        }
    }

    public func episodes(of podcastID: Int64) -> (PodcastSummary, [EpisodeSummary])? {
        guard let podcast = ((try? library.podcasts()) ?? []).first(where: { $0.id == podcastID }),
              let summary = podcasts().first(where: { $0.id == podcastID }) else { return nil }
        let rows = (try? library.episodes(of: podcast)) ?? []
        return (summary, rows.compactMap { row in
            guard let id = row.id else { return nil }
            let progress: ReadingProgress = row.finished ? .finished : row.position.map { .inProgress(TimeCode(seconds: $0)) } ?? .unread
            return EpisodeSummary(id: id, date: row.date, duration: row.duration.map { TimeCode(seconds: $0) },
                                  hasTranscript: row.transcriptCached, progress: progress, title: row.title)
        })
    }

    /// An episode and where it was left.
    public func open(_ episodeID: Int64) -> (Episode, TimeCode?)? {
        guard let (row, podcast) = (try? library.episode(id: episodeID)) ?? nil else { return nil }
        return (library.episode(row, of: podcast), row.position.map { TimeCode(seconds: $0) })
    }

    public func remember(_ episodeID: Int64, at time: TimeCode, finished: Bool) {
        try? library.savePosition(time, ofEpisode: episodeID, finished: finished)
    }

    public func setFinished(_ episodeID: Int64, _ finished: Bool) {
        try? library.setFinished(episodeID, finished)
    }

    // MARK: - Changing the library

    /// Follows a feed (fetched at once); says what happened.
    public func add(_ address: String) -> (String, warning: Bool) {
        if let known = try? library.podcast(feedURL: address) { return ("\(known.title) is in the library already", false) }
        guard let podcast = try? library.subscribe(feedURL: address, title: nil).podcast else { return ("\(address): cannot add it", true) }
        let report = Refresher(library: library).refreshOne(podcast)
        if let failure = report.failure {
            try? library.remove(podcast)
            return (failure, true)
        }
        waitForIndex()
        prepareIndex()
        return ("added \(report.podcast.title): \(report.episodes) episodes", false)
    }

    public func remove(_ podcastID: Int64) -> String {
        guard let podcast = ((try? library.podcasts()) ?? []).first(where: { $0.id == podcastID }) else { return "" }
        try? library.remove(podcast)
        waitForIndex()
        invalidateIndex(purge: true)
        return "removed \(podcast.title)"
    }

    /// Starts refreshing in the background; false when one is running.
    @discardableResult
    public func startRefresh(_ podcastIDs: [Int64]) -> Bool {
        guard refreshing.withLock({ running in
            defer { running = true }
            return !running
        }) else { return false }
        let all = (try? library.podcasts()) ?? []
        let chosen = podcastIDs.isEmpty ? all : all.filter { podcastIDs.contains($0.id ?? -1) }
        let library = self.library
        refreshState.withLock { $0 = ("refreshing 0/\(chosen.count)…", nil) }
        Thread { [self] in
            let reports = Refresher(library: library).refresh(chosen) { progress in
                var line = "refreshing \(progress.feedsDone)/\(progress.feeds) · \(progress.transcriptsFetched) transcripts"
                if progress.failures > 0 { line += " · \(progress.failures) failed" }
                self.refreshState.withLock { $0.line = line }
            }
            self.refreshState.withLock { $0 = (nil, reports) }
            self.refreshing.withLock { $0 = false }
        }.start()
        return true
    }

    /// The refresh's progress line, and its reports once it has ended (given once).
    public func refreshNews() -> (line: String?, finished: [RefreshReport]?) {
        refreshState.withLock { state in
            defer { state.finished = nil }
            return state
        }
    }

    // MARK: - Searching everything

    /// Brings the index on disk up to date on a thread of its own (what
    /// changed since it was last used is indexed; a missing one is made),
    /// unless that is under way. Searches meanwhile use the index as it was.
    public func prepareIndex(purge: Bool = false) {
        guard indexing.withLock({ busy in
            defer { busy = true }
            return !busy
        }) else { return }
        let store = SearchStore(library: library)
        Thread { [self] in
            let snapshot = try? store.update(purge: purge) { done, total in
                self.indexProgress.withLock { $0 = "indexing for search \(done)/\(total)…" }
            }
            self.index.withLock { $0 = snapshot.map(LibraryIndex.init) }
            self.indexProgress.withLock { $0 = nil }
            self.indexing.withLock { $0 = false }
        }.start()
    }

    public var indexReady: Bool { index.withLock { $0 != nil } }

    /// How far making the index is, while a search waits for it.
    public var indexingLine: String? { indexProgress.withLock { $0 } }

    /// Waits (at most `seconds`) for the index and a refresh running in the
    /// background to end: whoever removes a library's files waits first.
    public func waitForBackgroundWork(seconds: Double = 30) {
        let deadline = Date().addingTimeInterval(seconds)
        while (indexing.withLock({ $0 }) || refreshing.withLock({ $0 })) && Date() < deadline {
            usleep(10_000)
        }
    }

    /// Waits for an update of the index under way to end.
    private func waitForIndex() {
        let deadline = Date().addingTimeInterval(60)
        while indexing.withLock({ $0 }) && Date() < deadline { usleep(10_000) }
    }

    /// The library changed in a way the old index must not answer for (a podcast removed).
    func invalidateIndex(purge: Bool = false) {
        index.withLock { $0 = nil }
        prepareIndex(purge: purge)
    }

    /// The groups for a query; nil while there is no index yet.
    public func search(_ query: String) -> (groups: [ResultGroup], total: Int)? {
        guard let index = index.withLock({ $0 }) else {
            prepareIndex()
            return nil
        }
        return index.search(query)
    }

    static func timestamp(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}

/// The library's index as the screens search it.
final class LibraryIndex: Sendable {
    let snapshot: LibrarySnapshot

    init(_ snapshot: LibrarySnapshot) {
        self.snapshot = snapshot
    }

    /// Episodes with hits, the most hits first (exact before fuzzy), each
    /// with its first hits.
    /// Only the best episodes are worked out in full (their hits' texts and
    /// ranges cost most of a keystroke): a screen shows a few dozen.
    func search(_ query: String, hitsPerEpisode: Int = 3, episodeLimit: Int = 40) -> (groups: [ResultGroup], total: Int) {
        guard !query.allSatisfy(\.isWhitespace) else { return ([], 0) }
        let results = snapshot.search(SearchQuery(query))
        let ranked = results.episodes.sorted { a, b in
            (a.exact, a.fuzzy, -a.place) > (b.exact, b.fuzzy, -b.place)
        }.prefix(episodeLimit)
        let groups: [ResultGroup] = ranked.map { entry in
            let info = snapshot.directory[entry.place]
            let hits = results.hits(of: entry, limit: hitsPerEpisode).map { hit in
                ResultHit(field: hit.field, start: hit.start, text: hit.text, ranges: hit.ranges, fuzzy: hit.fuzzy)
            }
            return ResultGroup(episodeID: info.id, podcast: info.podcast, date: info.date, title: info.title,
                               count: entry.exact + entry.fuzzy, hits: hits)
        }
        return (groups, results.total)
    }
}
