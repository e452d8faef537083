import EpisodeKit

/// Everything the reader shows and remembers. Only `update` changes it.
public struct ReaderState: Sendable {
    /// The episode as the reader shows it: an episode with chapters and no
    /// transcript shows its chapters as the transcript's lines.
    public private(set) var episode: Episode
    /// The search index; it may hold other episodes too (`episodeNumber` is
    /// ours). nil while it is still being built (`indexLater`).
    public internal(set) var index: SearchIndex?
    /// A search asked for before the index was ready; it runs when it is.
    public var pendingSearch: PendingSearch?
    public let episodeNumber: Int
    public let timeline: SegmentTimeline
    /// Whether the transcript's lines are the episode's chapters.
    public let chaptersAsLines: Bool
    /// Which panes have something to show, and which one gets the wide space.
    public let arrangement: PaneArrangement

    public var width: Int
    public var height: Int
    public var focus: PaneKind
    public var panes = PaneTable { _ in PaneState() }
    public var documents = PaneTable { _ in PaneDocument.empty }
    public var mode: Mode = .normal
    public var search: SearchState?
    public var searchHistory: [String] = []
    public var message: StatusMessage?
    /// Every message and warning of the session, oldest first (`:messages`).
    public var messageLog: [StatusMessage] = []
    /// A count typed before a command (`5j`, `3n`, `10G`).
    public var pendingCount: Int?
    /// Where a selection of lines started (`v`), in the pane it was made in; nil when none.
    public var selectionAnchor: Int?
    public var selectionPane: PaneKind = .transcript
    public var quoteFormat: QuoteFormat
    /// The playback clock's last reading; nil until something plays.
    public var playback: PlaybackReading?
    /// The speed last asked for: presses faster than the player's reports still count.
    public var requestedSpeed: Double?
    /// The volume as podread set it (mpv starts at 100) and whether it is muted.
    public var volume = 100
    public var muted = false
    /// Whether the transcript follows the spoken line.
    public var follow = true
    /// Whether the audio was heard to its end (the episode then counts as finished).
    public var heardToEnd = false

    /// Finished: the last line reached, or the audio heard to its end.
    public var isFinished: Bool {
        heardToEnd || (currentSegment.map { $0 == episode.segments.count - 1 } ?? false)
    }
    public var keymap: Keymap
    public var appearance: Appearance
    public var layoutPreference: LayoutPreference
    /// The widest a pane's text runs, in columns (0: as wide as the pane).
    public var measure: Int
    public var colors: Bool { appearance.colors }

    public enum Mode: Sendable, Equatable {
        case normal
        case prompt(Prompt)
        case help(scroll: Int)
        case results(selected: Int)
        case contents(selected: Int)
        case messages(scroll: Int)
        /// Several links in one place: which to open.
        case links([String], selected: Int)
    }

    public struct StatusMessage: Sendable, Equatable {
        public var text: String
        public var isWarning: Bool
    }

    /// With `indexLater`, the reader starts without a search index and its
    /// host builds one elsewhere and hands it over as an `indexReady` event:
    /// a huge transcript is on screen before its index is ready.
    public init(episode: Episode, index: SearchIndex? = nil, episodeNumber: Int = 0, width: Int, height: Int,
                settings: ReaderSettings = ReaderSettings(), colors: Bool = true, indexLater: Bool = false) {
        let shown = episode.segments.isEmpty && !episode.chapters.isEmpty ? episode.chaptersAsTranscript() : episode
        self.episode = shown
        chaptersAsLines = shown.segments.count != episode.segments.count
        self.index = index ?? (indexLater ? nil : SearchIndex(episodes: [shown]))
        self.episodeNumber = index == nil ? 0 : episodeNumber
        self.timeline = SegmentTimeline(segments: shown.segments)
        arrangement = PaneArrangement(for: shown)
        focus = arrangement.main
        self.width = width
        self.height = height
        self.keymap = settings.keymap
        var appearance = settings.appearance
        appearance.colors = appearance.colors && colors
        self.appearance = appearance
        self.layoutPreference = settings.layout
        self.quoteFormat = settings.quoteFormat
        self.measure = settings.measure
        relayout()
    }

    /// The current transcript line.
    public var currentSegment: Int? {
        episode.segments.isEmpty ? nil : min(panes[.transcript].cursor, episode.segments.count - 1)
    }

    /// The transcript lines selected for a quote (the current line alone when nothing is selected).
    public var quoteRange: ClosedRange<Int>? {
        guard let current = currentSegment else { return nil }
        let anchor = selectionPane == .transcript ? selectionAnchor ?? current : current
        return min(anchor, current)...max(anchor, current)
    }

    /// The entries selected in a pane (its current entry alone when nothing is selected there).
    public func selectedEntries(in pane: PaneKind) -> ClosedRange<Int>? {
        guard documents[pane].entryCount > 0 else { return nil }
        let current = panes[pane].cursor
        let anchor = selectionPane == pane ? selectionAnchor ?? current : current
        return min(anchor, current)...max(anchor, current)
    }

    /// The one position: the start of the current line (while nothing plays).
    public var position: TimeCode {
        if let playback, playback.playing { return playback.position }
        return currentSegment.map { episode.segments[$0].start } ?? .zero
    }

    /// The length to show: the audio's when it runs longer than the transcript.
    public var duration: TimeCode? {
        let known = max(episode.duration, playback?.duration ?? .zero)
        return known > .zero ? known : nil
    }

    /// The chapter of the current line (a chapter that starts inside a
    /// line is that line's, as its heading shows), or of the audio playing.
    public var currentChapter: Chapter? {
        guard !episode.chapters.isEmpty else { return nil }
        let chapters = episode.chapters.sorted { $0.start < $1.start }
        if isPlaying || currentSegment == nil { return chapters.last { $0.start <= position } }
        let current = currentSegment ?? 0
        return chapters.last { (timeline.segmentIndex(at: $0.start) ?? 0) <= current }
    }

    public var isPlaying: Bool { playback?.playing == true }

    public var layout: ScreenLayout {
        ScreenLayout(width: width, height: height, focus: focus, preference: layoutPreference, arrangement: arrangement)
    }

    /// Rebuilds the pane documents for the current size, keeping each pane's
    /// current entry in view.
    mutating func relayout() {
        let layout = self.layout
        for pane in PaneKind.allCases {
            let width = layout.contentWidth(of: pane)
            if documents[pane].width != width {
                documents[pane] = PaneLayout.document(pane, episode: episode, timeline: timeline, width: width,
                                                      measure: measure, chapterHeadings: !chaptersAsLines)
            }
            clampCursor(pane)
            reveal(pane)
        }
    }

    mutating func clampCursor(_ pane: PaneKind) {
        let count = documents[pane].entryCount
        panes[pane].cursor = min(max(0, panes[pane].cursor), max(0, count - 1))
    }

    /// Whether a pane's current entry is taller than the pane.
    func isTall(_ pane: PaneKind, entry: Int) -> Bool {
        let document = documents[pane]
        guard entry < document.entryCount else { return false }
        return document.lastRow(of: entry) - document.firstRow[entry] + 1 > visibleRows(pane)
    }

    func visibleRows(_ pane: PaneKind) -> Int { max(1, layout.contentHeight(of: pane)) }

    /// Scrolls a pane so that its cursor entry is in view, moving as little
    /// as possible: an entry that fits is shown whole; one taller than the
    /// pane fills it, showing `row` when one is given (a search hit inside
    /// it). A jump (`centered`) that lands off screen puts its target a
    /// third of the way down, so what comes before it stays in sight.
    mutating func reveal(_ pane: PaneKind, row target: Int? = nil, centered: Bool = false) {
        let document = documents[pane]
        guard document.entryCount > 0 else { return }
        let visible = visibleRows(pane)
        let cursor = panes[pane].cursor
        let first = document.firstRow[cursor]
        let last = document.lastRow(of: cursor)
        var top = panes[pane].top
        if last - first + 1 <= visible {
            if centered && (first < top || last >= top + visible) { top = first - visible / 3 }
            if last >= top + visible { top = last - visible + 1 }
            if first < top { top = first }
        } else {
            if let target, target < top || target >= top + visible {
                top = centered ? target - visible / 3 : (target < top ? target : target - visible + 1)
            }
            top = min(max(top, first), last - visible + 1)
        }
        let maxTop = max(0, document.rowCount - visible)
        panes[pane].top = min(max(0, top), maxTop)
    }

    /// The first key bound to an action, as help writes it (for hints).
    func keyName(_ action: Action) -> String {
        keymap.keys(for: action).first?.name ?? action.rawValue
    }

    /// Moves a pane's cursor to an entry and scrolls it into view (at `row`
    /// inside it, when given).
    mutating func moveCursor(_ pane: PaneKind, to entry: Int, row: Int? = nil, centered: Bool = false) {
        let previous = panes[pane].cursor
        panes[pane].cursor = entry
        panes[pane].hitRow = row
        clampCursor(pane)
        // Arriving at another line shows its start unless a row is asked for.
        let cursor = panes[pane].cursor
        let target = row ?? (cursor != previous && cursor < documents[pane].entryCount ? documents[pane].firstRow[cursor] : nil)
        reveal(pane, row: target, centered: centered)
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
    /// The row of the search hit last landed on inside the current entry,
    /// so `n` goes on from it within a line taller than the pane.
    public var hitRow: Int?
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
