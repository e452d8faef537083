import EpisodeKit

/// Everything the reader shows and remembers. Only `update` changes it.
public struct ReaderState: Sendable {
    public var episode: Episode
    /// The search index; it may hold other episodes too (`episodeNumber` is
    /// ours). nil while it is still being built (`indexLater`).
    public private(set) var index: SearchIndex?
    /// A search asked for before the index was ready; it runs when it is.
    public var pendingSearch: PendingSearch?
    public let episodeNumber: Int
    public let timeline: SegmentTimeline

    public var width: Int
    public var height: Int
    public var focus: PaneKind = .transcript
    public var panes: [PaneKind: PaneState] = [:]
    public var documents: [PaneKind: PaneDocument] = [:]
    public var mode: Mode = .normal
    public var search: SearchState?
    public var searchHistory: [String] = []
    public var message: StatusMessage?
    /// Where a selection of transcript lines started (`v`); nil when none.
    public var selectionAnchor: Int?
    public var quoteFormat: QuoteFormat
    /// The playback clock's last reading; nil until something plays.
    public var playback: PlaybackReading?
    /// Whether the transcript follows the spoken line.
    public var follow = true
    public var keymap: Keymap
    public var appearance: Appearance
    public var layoutPreference: LayoutPreference
    public var colors: Bool { appearance.colors }

    public enum Mode: Sendable, Equatable {
        case normal
        case prompt(Prompt)
        case help(scroll: Int)
        case results(selected: Int)
        case contents(selected: Int)
    }

    public struct StatusMessage: Sendable, Equatable {
        public var text: String
        public var isWarning: Bool
    }

    /// With `indexLater`, the reader starts without a search index and its
    /// host builds one elsewhere and hands it over with `receive(index:)`:
    /// a huge transcript is on screen before its index is ready.
    public init(episode: Episode, index: SearchIndex? = nil, episodeNumber: Int = 0, width: Int, height: Int,
                settings: ReaderSettings = ReaderSettings(), colors: Bool = true, indexLater: Bool = false) {
        self.episode = episode
        self.index = index ?? (indexLater ? nil : SearchIndex(episodes: [episode]))
        self.episodeNumber = index == nil ? 0 : episodeNumber
        self.timeline = SegmentTimeline(segments: episode.segments)
        self.width = width
        self.height = height
        self.keymap = settings.keymap
        var appearance = settings.appearance
        appearance.colors = appearance.colors && colors
        self.appearance = appearance
        self.layoutPreference = settings.layout
        self.quoteFormat = settings.quoteFormat
        for pane in PaneKind.allCases { panes[pane] = PaneState() }
        relayout()
    }

    /// The index built elsewhere (see `indexLater`); a search waiting for it runs now.
    public mutating func receive(index: SearchIndex) {
        self.index = index
        guard let pending = pendingSearch else { return }
        pendingSearch = nil
        if case .prompt(let prompt) = mode, prompt.kind == .search {
            runSearch(prompt.text, from: prompt.origin)
        } else {
            runSearch(pending.query, from: pending.origin)
        }
    }

    /// The current transcript line.
    public var currentSegment: Int? {
        episode.segments.isEmpty ? nil : min(panes[.transcript]!.cursor, episode.segments.count - 1)
    }

    /// The transcript lines selected for a quote (the current line alone when nothing is selected).
    public var quoteRange: ClosedRange<Int>? {
        guard let current = currentSegment else { return nil }
        let anchor = selectionAnchor ?? current
        return min(anchor, current)...max(anchor, current)
    }

    /// The one position: the start of the current line (while nothing plays).
    public var position: TimeCode {
        if let playback, playback.playing { return playback.position }
        return currentSegment.map { episode.segments[$0].start } ?? .zero
    }

    public var isPlaying: Bool { playback?.playing == true }

    public var layout: ScreenLayout { ScreenLayout(width: width, height: height, focus: focus, preference: layoutPreference) }

    /// Rebuilds the pane documents for the current size, keeping each pane's
    /// current entry in view.
    public mutating func relayout() {
        let layout = self.layout
        for pane in PaneKind.allCases {
            let width = layout.contentWidth(of: pane)
            if documents[pane]?.width != width {
                documents[pane] = PaneLayout.document(pane, episode: episode, timeline: timeline, width: width)
            }
            clampCursor(pane)
            reveal(pane)
        }
    }

    mutating func clampCursor(_ pane: PaneKind) {
        let count = documents[pane]?.entryCount ?? 0
        panes[pane]!.cursor = min(max(0, panes[pane]!.cursor), max(0, count - 1))
    }

    /// Scrolls a pane so that its cursor entry is visible (and, where it
    /// fits, whole), moving as little as possible.
    mutating func reveal(_ pane: PaneKind) {
        guard let document = documents[pane], document.entryCount > 0 else { return }
        let visible = max(1, layout.contentHeight(of: pane))
        var top = panes[pane]!.top
        let first = document.firstRow[panes[pane]!.cursor]
        let last = document.lastRow(of: panes[pane]!.cursor)
        if last >= top + visible { top = last - visible + 1 }
        if first < top { top = first }
        let maxTop = max(0, document.rowCount - visible)
        panes[pane]!.top = min(max(0, top), maxTop)
    }

    /// Where to start: a time (from `--at` or where the episode was left)
    /// and a search (from `--search`).
    public mutating func start(at time: TimeCode?, search query: String?) {
        if let time { jump(to: time) }
        if let query, !query.isEmpty {
            runSearch(query, from: panes[focus]!.cursor)
            searchHistory.append(query)
        }
    }

    /// Shows a line in the status bar.
    public mutating func show(_ text: String, warning: Bool = false) {
        message = StatusMessage(text: text, isWarning: warning)
    }

    /// Moves a pane's cursor to an entry and scrolls it into view. A jump
    /// (`centered`) that lands off screen puts the entry a third of the way
    /// down, so what comes before it stays in sight.
    public mutating func moveCursor(_ pane: PaneKind, to entry: Int, centered: Bool = false) {
        panes[pane]!.cursor = entry
        clampCursor(pane)
        if centered, let document = documents[pane], document.entryCount > 0 {
            let visible = max(1, layout.contentHeight(of: pane))
            let first = document.firstRow[panes[pane]!.cursor]
            let top = panes[pane]!.top
            if first < top || document.lastRow(of: panes[pane]!.cursor) >= top + visible {
                let maxTop = max(0, document.rowCount - visible)
                panes[pane]!.top = min(max(0, first - visible / 3), maxTop)
            }
        }
        reveal(pane)
    }
}

/// A search typed before the index was ready.
public struct PendingSearch: Sendable, Equatable {
    public var query: String
    public var origin: Int
}

/// Where a pane is scrolled to and which entry is current.
public struct PaneState: Sendable, Equatable {
    public var cursor = 0
    public var top = 0
}

/// A line being typed at the bottom of the screen.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case search, time, command }
    public var kind: Kind
    public var text = ""
    /// Where to return on Esc (cursor of the focused pane when the prompt opened).
    public var origin: Int
    /// Position in the search history while browsing it with ↑/↓.
    public var historyIndex: Int?

    public var symbol: String {
        switch kind {
        case .search: "/"
        case .time: "time: "
        case .command: ":"
        }
    }
}
