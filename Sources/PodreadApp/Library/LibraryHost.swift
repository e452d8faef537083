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
        invalidateIndex()
        return ("added \(report.podcast.title): \(report.episodes) episodes", false)
    }

    public func remove(_ podcastID: Int64) -> String {
        guard let podcast = ((try? library.podcasts()) ?? []).first(where: { $0.id == podcastID }) else { return "" }
        try? library.remove(podcast)
        invalidateIndex()
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
            self.invalidateIndex()
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

    /// Builds the index over every episode on a thread of its own, unless it is there or being built.
    public func prepareIndex() {
        guard index.withLock({ $0 == nil }), indexing.withLock({ busy in
            defer { busy = true }
            return !busy
        }) else { return }
        let library = self.library
        Thread { [self] in
            let built = LibraryIndex(library: library)
            self.index.withLock { $0 = built }
            self.indexing.withLock { $0 = false }
        }.start()
    }

    public var indexReady: Bool { index.withLock { $0 != nil } }

    /// Waits (at most `seconds`) for the index and a refresh running in the
    /// background to end: whoever removes a library's files waits first.
    public func waitForBackgroundWork(seconds: Double = 30) {
        let deadline = Date().addingTimeInterval(seconds)
        while (indexing.withLock({ $0 }) || refreshing.withLock({ $0 })) && Date() < deadline {
            usleep(10_000)
        }
    }

    func invalidateIndex() {
        index.withLock { $0 = nil }
    }

    /// The groups for a query; nil while the index is still being built.
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

/// Every episode of the library in one search index, and which library
/// episode each of its episodes is.
final class LibraryIndex: Sendable {
    let index: SearchIndex
    let episodes: [(id: Int64, podcast: String, date: String?, title: String)]

    init(library: Library) {
        var rows: [(LibraryEpisode, Podcast)] = []
        for podcast in (try? library.podcasts()) ?? [] {
            for row in (try? library.episodes(of: podcast)) ?? [] where row.id != nil { rows.append((row, podcast)) }
        }
        // Reading and parsing the files is most of the work: on every core.
        let read = Locked([Episode?](repeating: nil, count: rows.count))
        let work = rows
        Concurrently.forEach(work.indices, width: ProcessInfo.processInfo.activeProcessorCount) { number in
            let episode = library.episode(work[number].0, of: work[number].1)
            read.withLock { $0[number] = episode }
        }
        let all = read.withLock { $0.compactMap { $0 } }
        index = SearchIndex(episodes: all)
        episodes = rows.map { ($0.0.id!, $0.1.title, $0.0.date, $0.0.title) }
    }

    /// Episodes with hits, the most hits first (exact before fuzzy), each
    /// with its first hits.
    /// Only the best episodes are worked out in full (their hits' texts and
    /// ranges cost most of a keystroke): a screen shows a few dozen.
    func search(_ query: String, hitsPerEpisode: Int = 3, episodeLimit: Int = 40) -> (groups: [ResultGroup], total: Int) {
        guard !query.allSatisfy(\.isWhitespace) else { return ([], 0) }
        let results = index.search(SearchQuery(query))
        var counts: [Int: (exact: Int, fuzzy: Int)] = [:]
        var order: [Int] = []
        for location in results.locations(limit: 20_000) {
            if counts[location.episode] == nil { order.append(location.episode) }
            var count = counts[location.episode, default: (0, 0)]
            if location.fuzzy { count.fuzzy += 1 } else { count.exact += 1 }
            counts[location.episode] = count
        }
        let ranked = order.sorted { a, b in
            let left = counts[a]!, right = counts[b]!
            return (left.exact, left.fuzzy, -a) > (right.exact, right.fuzzy, -b)
        }.prefix(episodeLimit)
        let groups: [ResultGroup] = ranked.map { number in
            let entry = episodes[number]
            let hits = results.locations(inEpisode: number).prefix(hitsPerEpisode).compactMap { location -> ResultHit? in
                guard let hit = results.hit(at: location) else { return nil }
                return ResultHit(field: hit.field, start: hit.start, text: hit.text, ranges: hit.ranges, fuzzy: hit.fuzzy)
            }
            let count = counts[number].map { $0.exact + $0.fuzzy } ?? hits.count
            return ResultGroup(episodeID: entry.id, podcast: entry.podcast, date: entry.date, title: entry.title, count: count, hits: hits)
        }
        return (groups, results.total)
    }
}
