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
    case .start(let request):
        state.begin(request)
        return []
    case .host(let outcome):
        switch outcome {
        case .quoteCopied(let message, let failed): state.say(message, warning: failed)
        case .linkOpened(let message): state.say(message)
        case .indexReady(let handle): state.receive(index: handle.index)
        case .notice(let text, let warning): state.say(text, warning: warning)
        }
        return []
    case .mouse(let mouse):
        state.handleMouse(mouse)
        return []
    case .key(let key):
        switch state.mode {
        case .normal:
            state.message = nil
            if state.takeCountDigit(key) { return [] }
            let count = state.pendingCount
            state.pendingCount = nil
            guard let action = state.keymap.action(for: key) else { return [] }
            return state.perform(action, count: count)
        case .prompt(let prompt):
            return state.handlePromptKey(key, prompt)
        case .help(let scroll):
            state.handleHelpKey(key, scroll: scroll)
            return []
        case .messages(let scroll):
            state.handleMessagesKey(key, scroll: scroll)
            return []
        case .results(let selected):
            state.handleResultsKey(key, selected: selected)
            return []
        case .contents(let selected):
            state.handleContentsKey(key, selected: selected)
            return []
        case .links(let links, let selected):
            return state.handleLinksKey(key, links: links, selected: selected)
        }
    }
}

/// Applies a sequence of keys (as tests and benchmarks write them: `"jj/cyber<Enter>n"`).
@discardableResult
public func update(_ state: inout ReaderState, keys: String) -> [Effect] {
    Key.sequence(keys).flatMap { update(&state, .key($0)) }
}

extension ReaderState {
    /// Digits make a count for the next command, as in vim and less
    /// (`5j`, `3n`, `10G`), unless the keymap gives a digit a command.
    mutating func takeCountDigit(_ key: Key) -> Bool {
        guard case .character(let character) = key, character.isASCII, let digit = character.wholeNumberValue,
              keymap.action(for: key) == nil, digit > 0 || pendingCount != nil else { return false }
        pendingCount = min((pendingCount ?? 0) * 10 + digit, 999_999)
        return true
    }

    mutating func perform(_ action: Action, count: Int? = nil) -> [Effect] {
        let times = max(1, count ?? 1)
        switch action {
        case .lineDown, .lineUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .top, .bottom, .nextHit, .previousHit:
            if focus == .transcript { detachFollow() }
        default: break
        }
        switch action {
        case .lineDown: for _ in 0..<times { stepLine(forward: true) }
        case .lineUp: for _ in 0..<times { stepLine(forward: false) }
        case .halfPageDown: moveRows(times * max(1, layout.contentHeight(of: focus) / 2))
        case .halfPageUp: moveRows(-times * max(1, layout.contentHeight(of: focus) / 2))
        case .pageDown: moveRows(times * max(1, layout.contentHeight(of: focus) - 1))
        case .pageUp: moveRows(-times * max(1, layout.contentHeight(of: focus) - 1))
        case .top: goToLine(count, bottom: false)
        case .bottom: goToLine(count, bottom: true)
        case .nextPane: cycleFocus(1)
        case .previousPane: cycleFocus(-1)
        case .search: mode = .prompt(Prompt(kind: .search, origin: panes[focus].cursor))
        case .nextHit: stepHit(forward: true, times: times)
        case .previousHit: stepHit(forward: false, times: times)
        case .resultsList:
            if let search, resultEntries.isEmpty {
                say(UIStrings.notFound(search.query), warning: true)
            } else if search == nil {
                say(UIStrings.noSearch(key: keyName(.search)), warning: true)
            } else {
                mode = .results(selected: 0)
            }
        case .jumpToTime: mode = .prompt(Prompt(kind: .time, origin: panes[focus].cursor))
        case .commandLine: mode = .prompt(Prompt(kind: .command, origin: panes[focus].cursor))
        case .nextChapter: stepChapter(forward: true, times: times)
        case .previousChapter: stepChapter(forward: false, times: times)
        case .tableOfContents:
            let chapters = tableOfContents
            if chapters.isEmpty {
                say(UIStrings.noChapters, warning: true)
            } else {
                let current = chapters.lastIndex { $0.start <= position } ?? 0
                mode = .contents(selected: current)
            }
        case .openLink:
            let links = linksAtCursor()
            if links.count == 1 { return [.openLink(links[0])] }
            if links.count > 1 {
                mode = .links(links, selected: 0)
            } else {
                say(UIStrings.noLink, warning: true)
            }
        case .select:
            guard documents[focus].entryCount > 0 else {
                say(UIStrings.nothingToSelect, warning: true)
                return []
            }
            if selectionAnchor != nil && selectionPane == focus {
                selectionAnchor = nil
            } else {
                selectionPane = focus
                selectionAnchor = panes[focus].cursor
            }
        case .copy:
            guard let quote = quoteOfSelection() else {
                say(focus == .transcript ? UIStrings.noTranscript : UIStrings.nothingToCopy, warning: true)
                return []
            }
            selectionAnchor = nil
            return [.copyQuote(quote, quoteFormat)]
        case .cycleQuoteFormat:
            quoteFormat = quoteFormat.next
            say(UIStrings.quoteFormat(quoteFormat))
        case .cancel:
            // Esc ends a selection, else the search (its highlights and counter).
            if selectionAnchor != nil {
                selectionAnchor = nil
            } else if search != nil || pendingSearch != nil {
                search = nil
                pendingSearch = nil
            }
        case .playPause, .playLine, .follow, .seekBackward, .seekForward, .seekBackwardLong, .seekForwardLong,
             .slower, .faster, .volumeDown, .volumeUp, .mute:
            return performPlayback(action, times: times)
        case .messages:
            if messageLog.isEmpty {
                say(UIStrings.noMessages)
            } else {
                mode = .messages(scroll: max(0, messageLog.count - 1))
            }
        case .help: mode = .help(scroll: 0)
        case .listDown, .listUp, .listHalfDown, .listHalfUp, .listPageDown, .listPageUp, .listTop, .listBottom, .choose, .close,
             .submit, .abandon, .deleteBack, .clearLine, .historyBack, .historyForward,
             .refresh, .addFeed, .removePodcast, .toggleFinished:
            return []  // keys of boxes and prompts: never bound in the reader's table
        case .quit: return [.quit]
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        }
        return []
    }

    /// What `y` copies: the selected lines of the focused pane (the current
    /// one alone without a selection), as a quote with the episode's citation.
    func quoteOfSelection() -> Quote? {
        let pane = selectionAnchor != nil ? selectionPane : focus
        switch pane {
        case .transcript:
            guard let range = quoteRange else { return nil }
            return Quote(episode: episode, segments: range)
        case .shownotes, .reading:
            guard let range = selectedEntries(in: pane) else { return nil }
            let passages = range.compactMap { entryText(pane, $0) }
            guard !passages.isEmpty else { return nil }
            let time = pane == .reading && range.count == 1 ? episode.reading[range.lowerBound].time : nil
            return Quote(episode: episode, passages: passages, at: time)
        }
    }

    /// The text of an entry of the shownotes or reading pane, as written.
    func entryText(_ pane: PaneKind, _ entry: Int) -> String? {
        switch pane {
        case .transcript:
            return entry < episode.segments.count ? episode.segments[entry].text : nil
        case .shownotes:
            let items = episode.shownotesItems
            if entry < items.count { return items[entry] }
            let person = entry - items.count
            return person < episode.people.count ? episode.people[person].searchText : nil
        case .reading:
            return entry < episode.reading.count ? episode.reading[entry].text : nil
        }
    }

    /// Jumps the transcript to the segment playing at `time`.
    mutating func jump(to time: TimeCode) {
        guard episode.hasTimes else {
            say(UIStrings.noTimes, warning: true)
            return
        }
        guard let segment = timeline.segmentIndex(at: time) else {
            say(UIStrings.noTranscript, warning: true)
            return
        }
        if layout.kind == .narrow || !arrangement.shown.contains(focus) { focus = .transcript }
        moveCursor(.transcript, to: segment, centered: true)
    }

    /// Chapters listed in the table of contents, in time order.
    var tableOfContents: [Chapter] {
        episode.chapters.filter(\.inTableOfContents).sorted { $0.start < $1.start }
    }

    /// `]` and `[`: the next chapter, or the previous one, by the segments
    /// they start at (a chapter can start inside a segment); says which.
    mutating func stepChapter(forward: Bool, times: Int = 1) {
        guard !episode.chapters.isEmpty, currentSegment != nil else {
            say(UIStrings.noChapters, warning: true)
            return
        }
        let chapters = episode.chapters.sorted { $0.start < $1.start }
        let starts = chapters.map { timeline.segmentIndex(at: $0.start) }
        var landed: Int?
        for _ in 0..<times {
            guard let current = currentSegment else { break }
            let candidates = starts.indices.filter { starts[$0] != nil }
            let target = forward ? candidates.first { starts[$0]! > current } : candidates.last { starts[$0]! < current }
            guard let target, let segment = starts[target] else { break }
            if layout.kind == .narrow { focus = .transcript }
            moveCursor(.transcript, to: segment, centered: true)
            landed = target
        }
        if let landed {
            say(UIStrings.chapter(landed + 1, of: chapters.count, title: InertText.clean(chapters[landed].title)))
        } else {
            say(forward ? UIStrings.lastChapter : UIStrings.firstChapter)
        }
    }

    /// The links of the current entry: a reading item's own link first,
    /// then every web address in the text, each once.
    func linksAtCursor() -> [String] {
        let cursor = panes[focus].cursor
        var links: [String] = []
        if focus == .reading, cursor < episode.reading.count, let url = episode.reading[cursor].url { links.append(url) }
        let person = cursor - episode.shownotesItems.count
        if focus == .shownotes, person >= 0, person < episode.people.count, let url = episode.people[person].link { links.append(url) }
        let text: String? = focus == .transcript ? currentSegment.map { episode.segments[$0].text } : entryText(focus, cursor)
        // Feed shownotes number their links (`the report [1]`) and list them at the end.
        if focus == .shownotes, let text {
            let listed = numberedLinks
            for match in text.matches(of: /\[(\d+)\]/) {
                if let number = Int(match.output.1), let link = listed[number], !links.contains(link) { links.append(link) }
            }
        }
        for link in Self.links(in: text ?? "") where !links.contains(link) { links.append(link) }
        return links
    }

    /// The shownotes' list of numbered links (`[1] https://…`), by number.
    var numberedLinks: [Int: String] {
        var found: [Int: String] = [:]
        for line in episode.shownotes.split(separator: "\n") {
            guard let match = line.wholeMatch(of: /\[(\d+)\] (https?:\/\/\S+)/), let number = Int(match.output.1) else { continue }
            found[number] = String(match.output.2)
        }
        return found
    }

    static func links(in text: String) -> [String] {
        text.matches(of: /https?:\/\/[^\s<>"\])]+/).map { match in
            var link = String(match.output)
            while let last = link.last, ".,;:".contains(last) { link.removeLast() }
            return link
        }
    }

    static func firstLink(in text: String) -> String? { links(in: text).first }

    mutating func handleMouse(_ mouse: MouseEvent) {
        guard mode == .normal, let pane = layout.pane(atRow: mouse.row, column: mouse.column),
              let content = layout.content(of: pane) else { return }
        let document = documents[pane]
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let delta = mouse.kind == .wheelUp ? -3 : 3
            let visible = content.height
            let maxTop = max(0, document.rowCount - visible)
            panes[pane].top = min(max(0, panes[pane].top + delta), maxTop)
            // Keep the cursor on screen, as scrolling by hand moves what you read.
            let top = panes[pane].top
            let cursor = panes[pane].cursor
            guard document.entryCount > 0 else { return }
            let first = document.firstRow[cursor]
            let offScreen = isTall(pane, entry: cursor)
                ? first >= top + visible || document.lastRow(of: cursor) < top
                : first < top || first >= top + visible
            if offScreen, let entry = document.entry(atRow: delta < 0 ? top + visible - 1 : top) {
                panes[pane].cursor = entry
            }
        case .click:
            focus = pane
            let row = panes[pane].top + (mouse.row - content.y)
            if row >= 0, row < document.rowCount, let entry = document.entry(atRow: row), entry != panes[pane].cursor {
                moveCursor(pane, to: entry)
            }
        }
    }
}
