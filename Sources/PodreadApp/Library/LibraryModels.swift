import EpisodeKit
import ReaderUI

/// A podcast as the library screen lists it.
public struct PodcastSummary: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var episodes: Int
    public var transcripts: Int
    public var unread: Int
    /// `2026-11-30 17:01`, or nil when never refreshed.
    public var refreshed: String?
    public var problem: String?

    public init(id: Int64, title: String, episodes: Int, transcripts: Int, unread: Int, refreshed: String?, problem: String?) {
        self.id = id
        self.title = title
        self.episodes = episodes
        self.transcripts = transcripts
        self.unread = unread
        self.refreshed = refreshed
        self.problem = problem
    }
}

/// How far a person got with an episode.
public enum ReadingProgress: Sendable, Equatable {
    case unread
    case inProgress(TimeCode)
    case finished
}

/// An episode as a podcast's list shows it.
public struct EpisodeSummary: Sendable, Equatable {
    public var id: Int64
    public var date: String?
    public var duration: TimeCode?
    public var hasTranscript: Bool
    public var progress: ReadingProgress
    public var title: String

    public init(id: Int64, date: String?, duration: TimeCode?, hasTranscript: Bool, progress: ReadingProgress, title: String) {
        self.id = id
        self.date = date
        self.duration = duration
        self.hasTranscript = hasTranscript
        self.progress = progress
        self.title = title
    }
}

/// One hit of a library-wide search.
public struct ResultHit: Sendable, Equatable {
    public var field: SearchField
    public var start: TimeCode?
    public var text: String
    public var ranges: [Range<Int>]
    public var fuzzy: Bool

    public init(field: SearchField, start: TimeCode?, text: String, ranges: [Range<Int>], fuzzy: Bool) {
        self.field = field
        self.start = start
        self.text = text
        self.ranges = ranges
        self.fuzzy = fuzzy
    }
}

/// The hits in one episode.
public struct ResultGroup: Sendable, Equatable {
    public var episodeID: Int64
    public var podcast: String
    public var date: String?
    public var title: String
    public var count: Int
    public var hits: [ResultHit]

    public init(episodeID: Int64, podcast: String, date: String?, title: String, count: Int, hits: [ResultHit]) {
        self.episodeID = episodeID
        self.podcast = podcast
        self.date = date
        self.title = title
        self.count = count
        self.hits = hits
    }
}

/// Which row of a list is chosen and which is at the top.
public struct ListPosition: Sendable, Equatable {
    public var selected = 0
    public var top = 0

    public init() {}

    /// Moves for a list action, keeping the chosen row in `visible` rows.
    mutating func move(_ action: Action?, count: Int, visible: Int, times: Int = 1) -> Bool {
        let page = max(1, visible)
        var target = selected
        switch action {
        case .listDown?: target += times
        case .listUp?: target -= times
        case .listHalfDown?: target += max(1, page / 2) * times
        case .listHalfUp?: target -= max(1, page / 2) * times
        case .listPageDown?: target += page * times
        case .listPageUp?: target -= page * times
        case .listTop?: target = 0
        case .listBottom?: target = count - 1
        default: return false
        }
        selected = min(max(target, 0), max(0, count - 1))
        reveal(visible: visible)
        return true
    }

    mutating func clamp(count: Int, visible: Int) {
        selected = min(max(0, selected), max(0, count - 1))
        reveal(visible: visible)
    }

    mutating func reveal(visible: Int) {
        let visible = max(1, visible)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, top)
    }
}
