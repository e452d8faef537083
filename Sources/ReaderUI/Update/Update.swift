import EpisodeKit

/// What the reader asks its host to do; `update` itself does no I/O.
public enum Effect: Equatable, Sendable {
    case quit
    /// Stop as a shell's Ctrl-Z would, giving the terminal back until `fg`.
    case suspend
    /// Paint the whole screen again (something else wrote on the terminal).
    case redraw
    case openLink(String)
    /// Put this quote on the clipboard and in the journal; the host reports back with `show`.
    case copyQuote(Quote, QuoteFormat)
    /// Tell the playback clock to do this.
    case player(PlayerCommand)
}

/// The only place the reader's state changes.
public func update(_ state: inout ReaderState, _ event: InputEvent) -> [Effect] {
    switch event {
    case .resize(let width, let height):
        state.width = width
        state.height = height
        state.relayout()
        return []
    case .tick:
        return []
    case .clock(let reading):
        state.receive(reading)
        return []
    case .mouse(let mouse):
        state.handleMouse(mouse)
        return []
    case .key(let key):
        switch state.mode {
        case .normal:
            state.message = nil
            guard let action = state.keymap.action(for: key) else { return [] }
            return state.perform(action)
        case .prompt(let prompt):
            return state.handlePromptKey(key, prompt)
        case .help(let scroll):
            state.handleHelpKey(key, scroll: scroll)
            return []
        case .results(let selected):
            state.handleResultsKey(key, selected: selected)
            return []
        case .contents(let selected):
            state.handleContentsKey(key, selected: selected)
            return []
        }
    }
}

/// Applies a sequence of keys (as tests and benchmarks write them: `"jj/cyber<Enter>n"`).
@discardableResult
public func update(_ state: inout ReaderState, keys: String) -> [Effect] {
    Key.sequence(keys).flatMap { update(&state, .key($0)) }
}

extension ReaderState {
    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .lineDown, .lineUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .top, .bottom, .nextHit, .previousHit:
            if focus == .transcript { detachFollow() }
        default: break
        }
        switch action {
        case .lineDown: moveEntries(1)
        case .lineUp: moveEntries(-1)
        case .halfPageDown: moveRows(layout.contentHeight(of: focus) / 2)
        case .halfPageUp: moveRows(-layout.contentHeight(of: focus) / 2)
        case .pageDown: moveRows(max(1, layout.contentHeight(of: focus) - 1))
        case .pageUp: moveRows(-max(1, layout.contentHeight(of: focus) - 1))
        case .top: moveCursor(focus, to: 0)
        case .bottom: moveCursor(focus, to: (documents[focus]?.entryCount ?? 1) - 1)
        case .nextPane: cycleFocus(1)
        case .previousPane: cycleFocus(-1)
        case .search: mode = .prompt(Prompt(kind: .search, origin: panes[focus]!.cursor))
        case .nextHit: stepHit(forward: true)
        case .previousHit: stepHit(forward: false)
        case .resultsList:
            if let search, resultEntries.isEmpty {
                message = StatusMessage(text: UIStrings.notFound(search.query), isWarning: true)
            } else if search == nil {
                message = StatusMessage(text: UIStrings.noSearch, isWarning: true)
            } else {
                mode = .results(selected: 0)
            }
        case .jumpToTime: mode = .prompt(Prompt(kind: .time, origin: panes[focus]!.cursor))
        case .commandLine: mode = .prompt(Prompt(kind: .command, origin: panes[focus]!.cursor))
        case .nextChapter: stepChapter(forward: true)
        case .previousChapter: stepChapter(forward: false)
        case .tableOfContents:
            let chapters = tableOfContents
            if chapters.isEmpty {
                message = StatusMessage(text: UIStrings.noChapters, isWarning: true)
            } else {
                let current = chapters.lastIndex { $0.start <= position } ?? 0
                mode = .contents(selected: current)
            }
        case .openLink:
            if let link = linkAtCursor() { return [.openLink(link)] }
            message = StatusMessage(text: UIStrings.noLink, isWarning: true)
        case .select:
            guard focus == .transcript || layout.kind == .wide, currentSegment != nil else {
                message = StatusMessage(text: UIStrings.selectInTranscript, isWarning: true)
                return []
            }
            focus = .transcript
            selectionAnchor = selectionAnchor == nil ? currentSegment : nil
        case .copy:
            guard let range = quoteRange else {
                message = StatusMessage(text: UIStrings.noTranscript, isWarning: true)
                return []
            }
            selectionAnchor = nil
            return [.copyQuote(Quote(episode: episode, segments: range), quoteFormat)]
        case .cycleQuoteFormat:
            quoteFormat = quoteFormat.next
            message = StatusMessage(text: UIStrings.quoteFormat(quoteFormat), isWarning: false)
        case .cancel:
            selectionAnchor = nil
        case .playPause, .playLine, .follow, .seekBackward, .seekForward, .seekBackwardLong, .seekForwardLong,
             .slower, .faster, .volumeDown, .volumeUp, .mute:
            return performPlayback(action)
        case .help: mode = .help(scroll: 0)
        case .quit: return [.quit]
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        }
        return []
    }

    /// Moves the focused pane's cursor by entries (lines of the transcript).
    mutating func moveEntries(_ delta: Int) {
        moveCursor(focus, to: panes[focus]!.cursor + delta)
    }

    /// Moves the focused pane's cursor by screen rows (half pages, pages).
    mutating func moveRows(_ delta: Int) {
        guard let document = documents[focus], document.entryCount > 0 else { return }
        let cursor = panes[focus]!.cursor
        let target = document.firstRow[cursor] + delta
        var entry = document.entry(atRow: target) ?? cursor
        if entry == cursor && delta != 0 { entry += delta > 0 ? 1 : -1 }
        // Scroll the view with the cursor, as less does.
        let visible = layout.contentHeight(of: focus)
        let maxTop = max(0, document.rowCount - visible)
        panes[focus]!.top = min(max(0, panes[focus]!.top + delta), maxTop)
        moveCursor(focus, to: entry)
    }

    mutating func cycleFocus(_ step: Int) {
        let all = PaneKind.allCases
        let index = all.firstIndex(of: focus)!
        focus = all[(index + step + all.count) % all.count]
        reveal(focus)
    }

    /// Jumps the transcript to the segment playing at `time`.
    mutating func jump(to time: TimeCode) {
        guard episode.hasTimes else {
            message = StatusMessage(text: UIStrings.noTimes, isWarning: true)
            return
        }
        guard let segment = timeline.segmentIndex(at: time) else {
            message = StatusMessage(text: UIStrings.noTranscript, isWarning: true)
            return
        }
        if layout.kind == .narrow { focus = .transcript }
        moveCursor(.transcript, to: segment, centered: true)
    }

    /// Chapters listed in the table of contents, in time order.
    var tableOfContents: [Chapter] {
        episode.chapters.filter(\.inTableOfContents).sorted { $0.start < $1.start }
    }

    /// `]` and `[`: the next chapter, or the previous one, by the segments
    /// they start at (a chapter can start inside a segment).
    mutating func stepChapter(forward: Bool) {
        guard !episode.chapters.isEmpty, let current = currentSegment else {
            message = StatusMessage(text: UIStrings.noChapters, isWarning: true)
            return
        }
        let starts = episode.chapters.sorted { $0.start < $1.start }.compactMap { timeline.segmentIndex(at: $0.start) }
        let target = forward ? starts.first { $0 > current } : starts.last { $0 < current }
        guard let target else { return }
        if layout.kind == .narrow { focus = .transcript }
        moveCursor(.transcript, to: target, centered: true)
    }

    /// The link of the current reading item, or the first link in the current shownotes item.
    func linkAtCursor() -> String? {
        let cursor = panes[focus]!.cursor
        switch focus {
        case .reading:
            guard cursor < episode.reading.count else { return nil }
            return episode.reading[cursor].url ?? Self.firstLink(in: episode.reading[cursor].text)
        case .shownotes:
            let items = episode.shownotesItems
            if cursor < items.count { return Self.firstLink(in: items[cursor]) }
            return nil
        case .transcript:
            guard let segment = currentSegment else { return nil }
            return Self.firstLink(in: episode.segments[segment].text)
        }
    }

    static func firstLink(in text: String) -> String? {
        guard let match = text.firstMatch(of: /https?:\/\/[^\s<>"\])]+/) else { return nil }
        var link = String(match.output)
        while let last = link.last, ".,;:".contains(last) { link.removeLast() }
        return link
    }

    mutating func handleMouse(_ mouse: MouseEvent) {
        guard mode == .normal, let pane = layout.pane(atRow: mouse.row, column: mouse.column),
              let content = layout.content(of: pane), let document = documents[pane] else { return }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let delta = mouse.kind == .wheelUp ? -3 : 3
            let visible = content.height
            let maxTop = max(0, document.rowCount - visible)
            panes[pane]!.top = min(max(0, panes[pane]!.top + delta), maxTop)
            // Keep the cursor on screen, as scrolling by hand moves what you read.
            let top = panes[pane]!.top
            let cursorRow = document.entryCount > 0 ? document.firstRow[panes[pane]!.cursor] : 0
            if cursorRow < top || cursorRow >= top + visible, let entry = document.entry(atRow: delta < 0 ? top + visible - 1 : top) {
                panes[pane]!.cursor = entry
            }
        case .click:
            focus = pane
            let row = panes[pane]!.top + (mouse.row - content.y)
            if row >= 0, row < document.rowCount, let entry = document.entry(atRow: row) {
                moveCursor(pane, to: entry)
            }
        }
    }
}
