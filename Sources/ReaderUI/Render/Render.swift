import EpisodeKit

/// Draws the whole reader into a grid of cells. Pure: the same state
/// always gives the same screen.
public func render(_ state: ReaderState) -> Screen {
    var screen = Screen(width: state.width, height: state.height)
    let layout = state.layout
    guard layout.kind != .tooSmall else {
        screen.write(" \(UIStrings.appName): terminal", row: 0, column: 0)
        screen.write(" \(UIStrings.tooSmall) (\(state.width)×\(state.height))", row: 1, column: 0)
        return screen
    }
    var painter = Painter(state: state, screen: screen)
    painter.titleBar()
    if let tabs = layout.tabsRow { painter.tabs(row: tabs) }
    for pane in PaneKind.allCases where layout.frame(of: pane) != nil {
        painter.pane(pane)
    }
    switch state.mode {
    case .help(let scroll): painter.helpOverlay(scroll: scroll)
    case .messages(let scroll): painter.messagesOverlay(scroll: scroll)
    case .results(let selected): painter.resultsOverlay(selected: selected)
    case .contents(let selected): painter.contentsOverlay(selected: selected)
    case .links(let links, let selected): painter.linksOverlay(links, selected: selected)
    default: break
    }
    painter.statusLine()
    return painter.screen
}

/// The drawing steps, sharing the state, the screen and the style choices.
public struct Painter {
    let state: ReaderState
    var screen: Screen
    let styles: Styles

    init(state: ReaderState, screen: Screen) {
        self.state = state
        self.screen = screen
        styles = Styles(appearance: state.appearance)
    }

    var layout: ScreenLayout { state.layout }

    // MARK: - Bars

    mutating func titleBar() {
        let width = screen.width
        screen.fill(row: 0, from: 0, count: width, style: styles.bar)
        // Very small terminals get the short form: the position alone.
        let duration = state.duration?.formatted ?? UIStrings.unknownDuration
        var position = width < 32 ? " \(state.position.formatted) " : " \(state.position.formatted) / \(duration) "
        if let playback = state.playback {
            position = " " + (playback.playing ? "▶" : "⏸") + position
            if abs(playback.speed - 1) > 0.01 { position += UIStrings.speedText(playback.speed) + " " }
        }
        var right = width - DisplayWidth.of(position)
        var title = InertText.clean(state.episode.title)
        if let podcast = state.episode.podcast { title += " — " + InertText.clean(podcast) }
        let name = width >= 50 ? " \(UIStrings.appName)  " : " "
        let used = screen.write(name, row: 0, column: 0, style: styles.barBold)
        // The chapter playing now, when there is room for it beside the title.
        if width >= 60, let chapter = state.currentChapter, !state.chaptersAsLines {
            let room = min(width / 4, right - used - 12)
            let label = Self.truncated("§ " + InertText.clean(chapter.title), to: room)
            if !label.isEmpty {
                right -= DisplayWidth.of(label) + 1
                screen.write(label, row: 0, column: right, style: styles.bar)
            }
        }
        screen.write(Self.truncated(title, to: max(0, right - used - 1)), row: 0, column: used, limit: max(0, right - used - 1), style: styles.bar)
        let positionColumn = width - DisplayWidth.of(position)
        if positionColumn > used { screen.write(position, row: 0, column: positionColumn, style: styles.barBold) }
    }

    mutating func tabs(row: Int) {
        var column = 1
        for (number, pane) in state.arrangement.shown.enumerated() {
            if number > 0 { column += screen.write(" ▸ ", row: row, column: column, style: styles.dim) }
            let name = pane == .reading ? "Reading" : pane.title
            column += screen.write(name, row: row, column: column, style: pane == state.focus ? styles.focusedTitle : styles.dim)
        }
        // Where the focused pane is, then the hint, as room allows.
        var right = screen.width - 1
        if let where_ = positionText(state.focus) {
            let at = right - DisplayWidth.of(where_)
            if at > column + 1 {
                screen.write(where_, row: row, column: at, style: styles.dim)
                right = at - 2
            }
        }
        let hint = "(\(state.keyName(.nextPane)): next)"
        let hintColumn = right - DisplayWidth.of(hint)
        if state.arrangement.shown.count > 1, hintColumn > column + 1 { screen.write(hint, row: row, column: hintColumn, style: styles.dim) }
    }

    /// `line/total` of a pane, counted in lines (segments, items), not rows.
    func positionText(_ pane: PaneKind) -> String? {
        let count = state.documents[pane].entryCount
        guard count > 0 else { return nil }
        return "\(min(state.panes[pane].cursor + 1, count))/\(count)"
    }

    /// The key hints, from the keys actually bound.
    var normalHints: [String] {
        let k = { (action: Action) in state.keyName(action) }
        return [
            "\(k(.search)) search · \(k(.jumpToTime)) time · \(k(.nextPane)) pane · \(k(.help)) help · \(k(.quit)) quit",
            "\(k(.search)) search · \(k(.jumpToTime)) time · \(k(.help)) help",
            "\(k(.help)) help",
        ]
    }

    mutating func statusLine() {
        let row = layout.statusRow
        var left = ""
        var leftStyle = styles.plain
        var hints = normalHints
        var counterAlone: String?   // kept when the hints do not fit
        var wraps = false
        switch state.mode {
        case .prompt(let prompt):
            left = prompt.symbol + prompt.text
            hints = [prompt.kind == .search ? UIStrings.hintsSearching : prompt.kind == .time ? UIStrings.hintsTime : UIStrings.hintsCommand]
            if prompt.kind == .search, let counter = searchCounter() {
                hints = [counter + "  " + hints[0]]
                counterAlone = counter
            }
        case .results, .contents, .links:
            hints = [UIStrings.hintsList(down: state.keyName(.lineDown), up: state.keyName(.lineUp))]
        case .help, .messages:
            hints = [UIStrings.hintsScroll(down: state.keyName(.lineDown), up: state.keyName(.lineUp))]
        case .normal:
            if let message = state.message {
                left = message.text
                leftStyle = message.isWarning ? styles.warning : styles.plain
                wraps = true
            } else if let count = state.pendingCount {
                left = String(count)
            } else if state.selectionAnchor != nil, let range = state.selectedEntries(in: state.selectionPane) {
                let items = state.selectionPane != .transcript
                let span = items ? "" : Quote(episode: state.episode, segments: range).timestamp
                left = UIStrings.selecting(range.count, span, format: state.quoteFormat, items: items)
                leftStyle = styles.marker
                hints = [UIStrings.hintsSelecting(copy: state.keyName(.copy), format: state.keyName(.cycleQuoteFormat),
                                                  end: state.keyName(.cancel))]
            } else if let pending = state.pendingSearch {
                left = InertText.clean(pending.query) + "  " + UIStrings.indexing
            } else if let search = state.search {
                left = InertText.clean(search.query) + "  " + (searchCounter() ?? "")
                if !search.fuzzyWords.isEmpty {
                    left += "  " + UIStrings.onlySimilar(search.fuzzyWords.map { InertText.clean($0) })
                } else if let words = state.fuzzyWordsAtCursor(), !words.isEmpty {
                    // This line matched only by a similar word: which, as the command line marks it.
                    left += "  ≈ " + words.map { InertText.clean($0) }.joined(separator: ", ")
                }
            }
        }
        let width = screen.width
        // A message longer than the line takes the row above it too, and
        // says where the rest is when even two rows are not enough.
        if wraps, DisplayWidth.of(" " + left) > width, width > 10 {
            var lines = TextWrap.wrap(left, width: width - 2).map(\.text)
            if lines.count > 2 {
                let more = " (\(state.keyName(.messages)): all)"
                lines = [lines[0], Self.truncated(lines[1...].joined(separator: " "), to: width - 2 - DisplayWidth.of(more)) + more]
            }
            screen.fill(row: row - 1, from: 0, count: width)
            screen.write(" " + lines[0], row: row - 1, column: 0, limit: width, style: leftStyle)
            screen.write(" " + lines[1], row: row, column: 0, limit: width, style: leftStyle)
            return
        }
        let leftWidth = screen.write(" " + left, row: row, column: 0, limit: width, style: leftStyle)
        if case .prompt = state.mode { screen.write("█", row: row, column: leftWidth, style: styles.dim) }
        // The longest hint that fits: full, then shorter, then none.
        for candidate in hints + [counterAlone].compactMap({ $0 }) + (hints.count == 1 ? normalHints.suffix(1) : []) {
            let hintColumn = width - DisplayWidth.of(candidate) - 1
            if hintColumn > leftWidth + 2 {
                screen.write(candidate, row: row, column: hintColumn, style: styles.dim)
                break
            }
        }
    }

    /// `3/20` for the focused pane, and the episode's total when other panes have hits too.
    func searchCounter() -> String? {
        if state.pendingSearch != nil { return UIStrings.indexing }
        guard let search = state.search else { return nil }
        let counter = search.counter(for: state.focus, cursor: state.panes[state.focus].cursor)
        return UIStrings.counter(counter.current, counter.total, all: state.resultEntries.count)
    }

    // MARK: - Panes

    mutating func pane(_ pane: PaneKind) {
        guard let frame = layout.frame(of: pane), let content = layout.content(of: pane) else { return }
        let document = state.documents[pane]
        let focused = pane == state.focus
        if layout.kind == .wide {
            var title = pane.title
            if pane == .reading { title += " (\(state.episode.reading.count))" }
            if pane == .transcript && state.chaptersAsLines {
                title = state.episode.transcriptProblem == nil ? UIStrings.chaptersTitle : UIStrings.chaptersNoTranscript
            }
            box(frame, title: title, focused: focused)
            if let where_ = positionText(pane), frame.width > DisplayWidth.of(where_) + 6 {
                screen.write(" \(where_) ", row: frame.y + frame.height - 1, column: frame.x + frame.width - DisplayWidth.of(where_) - 4,
                             style: focused ? styles.focusedBorder : styles.border)
            }
        }
        let paneState = state.panes[pane]
        if document.isEmpty {
            var note = pane == .transcript ? UIStrings.noTranscript : pane == .reading ? UIStrings.noReading : ""
            if pane == .transcript, let problem = state.episode.transcriptProblem {
                note = UIStrings.transcriptFailed(InertText.clean(problem))
            }
            for (line, wrapped) in TextWrap.wrap(note, width: max(1, content.width - 2)).prefix(content.height).enumerated() {
                screen.write(wrapped.text, row: content.y + line, column: content.x + 1, limit: content.width - 1, style: styles.dim)
            }
            return
        }
        // Only the rows on screen are asked for: the transcript builds them on demand.
        let rows = document.rows(paneState.top..<(paneState.top + content.height))
        let highlights = HighlightCache(search: state.search, document: document, rows: rows)
        let selection = state.selectionAnchor != nil && state.selectionPane == pane ? state.selectedEntries(in: pane) : nil
        for (line, row) in rows.enumerated() {
            let y = content.y + line
            let current = row.entry != nil && row.entry == paneState.cursor
            let selected = row.entry.map { selection?.contains($0) == true } == true
            // The current line is marked in the focused pane (and always in
            // the transcript, whose current line is the position).
            if current && (focused || pane == .transcript) {
                screen.write("▌", row: y, column: content.x, style: focused ? styles.marker : styles.dimMarker)
            } else if selected {
                screen.write("┃", row: y, column: content.x, style: styles.marker)
            }
            for span in row.spans {
                let x = content.x + span.column
                let limit = content.width - span.column
                guard limit > 0 else { continue }
                var style = styles.style(for: span, speakerColor: span.role == .speaker ? styles.speakerColor(span.text) : nil)
                if current && span.role == .timestamp { style.bold = true; style.dim = false }
                if selected && span.source != nil { style.underline = true }
                let used = screen.write(span.text, row: y, column: x, limit: limit, style: style)
                if let source = span.source {
                    for columns in highlights.columns(source: source, span: span) where columns.lowerBound < used {
                        screen.restyle(row: y, from: x + columns.lowerBound, count: min(columns.count, used - columns.lowerBound)) {
                            $0.reverse = true
                        }
                    }
                }
            }
        }
    }

    /// A box with its title on the top edge; bright when focused, dim otherwise.
    mutating func box(_ frame: Rect, title: String, focused: Bool) {
        guard frame.width >= 2, frame.height >= 2 else { return }
        let style = focused ? styles.focusedBorder : styles.border
        let right = frame.x + frame.width - 1, bottom = frame.y + frame.height - 1
        screen.write("┌", row: frame.y, column: frame.x, style: style)
        screen.fill(row: frame.y, from: frame.x + 1, count: frame.width - 2, with: "─", style: style)
        screen.write("┐", row: frame.y, column: right, style: style)
        for y in (frame.y + 1)..<bottom {
            screen.write("│", row: y, column: frame.x, style: style)
            screen.write("│", row: y, column: right, style: style)
        }
        screen.write("└", row: bottom, column: frame.x, style: style)
        screen.fill(row: bottom, from: frame.x + 1, count: frame.width - 2, with: "─", style: style)
        screen.write("┘", row: bottom, column: right, style: style)
        screen.write(" " + title + " ", row: frame.y, column: frame.x + 1, limit: frame.width - 2,
                     style: focused ? styles.focusedTitle : styles.border)
    }

    public static func truncated(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}

/// Highlight ranges of the texts on screen, worked out once per frame.
public struct HighlightCache {
    /// Texts longer than this are highlighted only around what is on screen.
    static let wholeTextLimit = 4096
    private var ranges: [Int: [Range<Int>]] = [:]

    init(search: SearchState?, document: PaneDocument, rows: [Row]) {
        guard let search else { return }
        // Per source, the part its spans on screen cover (in scalars).
        var shown: [Int: Range<Int>] = [:]
        for row in rows {
            for span in row.spans {
                guard let source = span.source else { continue }
                let part = span.sourceOffset..<(span.sourceOffset + span.text.unicodeScalars.count)
                shown[source] = shown[source].map { min($0.lowerBound, part.lowerBound)..<max($0.upperBound, part.upperBound) } ?? part
            }
        }
        for (source, part) in shown {
            let text = document.source(source)
            ranges[source] = text.utf8.count <= Self.wholeTextLimit
                ? search.results.highlights(in: text).ranges
                : search.results.highlights(in: text, near: part)
        }
    }

    /// Columns within a span's text to show as hits.
    func columns(source: Int, span: RowSpan) -> [Range<Int>] {
        guard let found = ranges[source], !found.isEmpty else { return [] }
        let spanScalars = span.text.unicodeScalars.count
        let spanRange = span.sourceOffset..<(span.sourceOffset + spanScalars)
        var result: [Range<Int>] = []
        for range in found where range.overlaps(spanRange) {
            let start = max(range.lowerBound, spanRange.lowerBound) - span.sourceOffset
            let end = min(range.upperBound, spanRange.upperBound) - span.sourceOffset
            result.append(Self.column(ofScalar: start, in: span.text)..<Self.column(ofScalar: end, in: span.text))
        }
        return result
    }

    /// The display column at which scalar number `offset` of `text` starts.
    public static func column(ofScalar offset: Int, in text: String) -> Int {
        var scalars = 0
        var column = 0
        for character in text {
            if scalars >= offset { break }
            scalars += character.unicodeScalars.count
            column += DisplayWidth.of(character)
        }
        return column
    }
}
