import EpisodeKit

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public func contains(row: Int, column: Int) -> Bool {
        row >= y && row < y + height && column >= x && column < x + width
    }
    /// The inside of a box drawn on this rectangle's edge.
    var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
}

/// Which panes an episode fills and which one gets the wide space: the
/// transcript when there is one, else the shownotes. A pane with nothing in
/// it gives its space away (a bare transcript file is read at full width),
/// but a transcript that was linked and could not be had keeps a small pane
/// that says why.
public struct PaneArrangement: Equatable, Sendable {
    public var main: PaneKind
    /// The others, in the left column, top to bottom.
    public var side: [PaneKind]

    public init(main: PaneKind, side: [PaneKind]) {
        self.main = main
        self.side = side
    }

    /// All three panes, the transcript wide.
    public static let standard = PaneArrangement(main: .transcript, side: [.shownotes, .reading])

    public init(for episode: Episode) {
        let hasTranscript = !episode.segments.isEmpty
        let hasShownotes = episode.shownotesItems.count > 1 || !episode.people.isEmpty
        let hasReading = !episode.reading.isEmpty
        main = hasTranscript || !hasShownotes ? .transcript : .shownotes
        var side: [PaneKind] = []
        if main != .transcript && episode.transcriptProblem != nil { side.append(.transcript) }
        if main != .shownotes && hasShownotes { side.append(.shownotes) }
        if hasReading { side.append(.reading) }
        self.side = side
    }

    /// The panes on screen, in the order Tab visits them.
    public var shown: [PaneKind] { PaneKind.allCases.filter { $0 == main || side.contains($0) } }
}

/// Where everything goes for a terminal size: panes side by side when wide,
/// one pane at a time (Tab switches) at 60 columns and below, and a short
/// notice when the terminal is too small to be useful.
public struct ScreenLayout: Equatable, Sendable {
    public enum Kind: Sendable { case wide, narrow, tooSmall }

    public let width: Int
    public let height: Int
    public let focus: PaneKind
    public var preference: LayoutPreference = .auto
    public var arrangement: PaneArrangement = .standard

    public init(width: Int, height: Int, focus: PaneKind, preference: LayoutPreference = .auto,
                arrangement: PaneArrangement = .standard) {
        self.width = width
        self.height = height
        self.focus = focus
        self.preference = preference
        self.arrangement = arrangement
    }

    public static let minimumWidth = 20
    public static let minimumHeight = 6
    public static let narrowWidth = 60

    public var kind: Kind {
        if width < Self.minimumWidth || height < Self.minimumHeight { return .tooSmall }
        switch preference {
        case .auto: return width <= Self.narrowWidth ? .narrow : .wide
        case .single: return .narrow
        case .split: return width >= 48 ? .wide : .narrow
        }
    }

    public var titleRow: Int { 0 }
    public var statusRow: Int { height - 1 }
    /// The row of pane tabs in the narrow layout.
    public var tabsRow: Int? { kind == .narrow ? 1 : nil }

    /// Width of the left column (shownotes over reading) when wide; none
    /// when the main pane has the screen to itself.
    var leftWidth: Int { arrangement.side.isEmpty ? 0 : min(40, max(24, width / 3)) }

    /// The rectangle a pane is drawn in (borders included when wide), or
    /// nil when the pane is not on screen.
    public func frame(of pane: PaneKind) -> Rect? {
        switch kind {
        case .tooSmall: return nil
        case .narrow:
            return pane == focus ? Rect(x: 0, y: 2, width: width, height: height - 3) : nil
        case .wide:
            let bodyHeight = height - 2
            if pane == arrangement.main { return Rect(x: leftWidth, y: 1, width: width - leftWidth, height: bodyHeight) }
            guard let place = arrangement.side.firstIndex(of: pane) else { return nil }
            if arrangement.side.count == 1 { return Rect(x: 0, y: 1, width: leftWidth, height: bodyHeight) }
            // Two: the upper gets a little more (shownotes run longer than reading lists).
            let upperHeight = max(3, bodyHeight * 11 / 20)
            return place == 0 ? Rect(x: 0, y: 1, width: leftWidth, height: upperHeight)
                : Rect(x: 0, y: 1 + upperHeight, width: leftWidth, height: bodyHeight - upperHeight)
        }
    }

    /// Where a pane's rows go.
    public func content(of pane: PaneKind) -> Rect? {
        guard let frame = frame(of: pane) else { return nil }
        return kind == .wide ? frame.inner : frame
    }

    /// Content size even for panes that are not on screen (narrow layout),
    /// so their documents are ready when Tab brings them.
    func contentWidth(of pane: PaneKind) -> Int {
        switch kind {
        case .tooSmall: return max(1, width)
        case .narrow: return width
        case .wide: return max(1, (frame(of: pane) ?? Rect(x: 0, y: 0, width: leftWidth, height: 0)).width - 2)
        }
    }

    func contentHeight(of pane: PaneKind) -> Int {
        switch kind {
        case .tooSmall: return 1
        case .narrow: return max(1, height - 3)
        case .wide: return max(1, (frame(of: pane)?.height ?? height / 2) - 2)
        }
    }

    /// The pane under a screen position.
    public func pane(atRow row: Int, column: Int) -> PaneKind? {
        PaneKind.allCases.first { frame(of: $0)?.contains(row: row, column: column) == true }
    }
}
