import EpisodeKit

/// Keys in the help overlay, the results list and the table of contents.
extension ReaderState {
    mutating func handleHelpKey(_ key: Key, scroll: Int) {
        switch key {
        case .escape, .character("?"), .character("q"), .enter: mode = .normal
        case .character("j"), .down: mode = .help(scroll: scroll + 1)
        case .character("k"), .up: mode = .help(scroll: max(0, scroll - 1))
        case .control("c"): mode = .normal
        default: break
        }
    }

    mutating func handleResultsKey(_ key: Key, selected: Int) {
        let entries = resultEntries
        guard !entries.isEmpty else {
            mode = .normal
            return
        }
        switch key {
        case .escape, .character("q"), .character("&"), .control("c"): mode = .normal
        case .character("j"), .down: mode = .results(selected: min(selected + 1, entries.count - 1))
        case .character("k"), .up: mode = .results(selected: max(selected - 1, 0))
        case .character("g"), .home: mode = .results(selected: 0)
        case .character("G"), .end: mode = .results(selected: entries.count - 1)
        case .enter:
            let target = entries[min(selected, entries.count - 1)]
            mode = .normal
            focus = target.pane
            moveCursor(target.pane, to: target.entry, centered: true)
        default: break
        }
    }

    mutating func handleContentsKey(_ key: Key, selected: Int) {
        let chapters = tableOfContents
        switch key {
        case .escape, .character("q"), .character("c"), .control("c"): mode = .normal
        case .character("j"), .down: mode = .contents(selected: min(selected + 1, chapters.count - 1))
        case .character("k"), .up: mode = .contents(selected: max(selected - 1, 0))
        case .character("g"), .home: mode = .contents(selected: 0)
        case .character("G"), .end: mode = .contents(selected: max(0, chapters.count - 1))
        case .enter:
            mode = .normal
            if selected < chapters.count { jump(to: chapters[selected].start) }
        default: break
        }
    }
}
