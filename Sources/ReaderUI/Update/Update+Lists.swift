import EpisodeKit

/// Keys in the boxes over the panes: help, messages, the results list, the
/// table of contents and the choice of links. They move with the keys that
/// move a pane (as the keymap binds them: `j`, `k`, `C-d`, `PgDn`, `g`, `G`…).
extension ReaderState {
    /// Where a list's selection (or a scrolled text's top line) goes for a
    /// moving key; nil when the key does not move.
    func listMove(_ key: Key, from current: Int, count: Int, page: Int) -> Int? {
        let page = max(1, page)
        let target: Int
        switch keymap.action(for: key) {
        case .lineDown?: target = current + 1
        case .lineUp?: target = current - 1
        case .halfPageDown?: target = current + max(1, page / 2)
        case .halfPageUp?: target = current - max(1, page / 2)
        case .pageDown?: target = current + page
        case .pageUp?: target = current - page
        case .top?: target = 0
        case .bottom?: target = count - 1
        default:
            switch key {
            case .down: target = current + 1
            case .up: target = current - 1
            default: return nil
            }
        }
        return min(max(target, 0), max(0, count - 1))
    }

    /// Keys that close a box: Esc, `q`, Ctrl-C, and the key that opened it.
    func closes(_ key: Key, opener: Action) -> Bool {
        if key == .escape || key == .control("c") { return true }
        let action = keymap.action(for: key)
        return action == .quit || action == opener || action == .cancel
    }

    /// Rows the boxes over the panes have for their lines.
    var overlayRows: Int { max(1, height - 4) }

    mutating func handleHelpKey(_ key: Key, scroll: Int) {
        if closes(key, opener: .help) || key == .enter {
            mode = .normal
        } else if let moved = listMove(key, from: scroll, count: helpLines.count - overlayRows + 1, page: overlayRows) {
            mode = .help(scroll: moved)
        }
    }

    mutating func handleMessagesKey(_ key: Key, scroll: Int) {
        if closes(key, opener: .messages) || key == .enter {
            mode = .normal
        } else if let moved = listMove(key, from: scroll, count: messageLog.count, page: overlayRows) {
            mode = .messages(scroll: moved)
        }
    }

    mutating func handleResultsKey(_ key: Key, selected: Int) {
        let entries = resultEntries
        guard !entries.isEmpty else {
            mode = .normal
            return
        }
        if closes(key, opener: .resultsList) {
            mode = .normal
        } else if key == .enter {
            let target = entries[min(selected, entries.count - 1)]
            mode = .normal
            focus = target.pane
            land(on: target.entry, in: target.pane, forward: true)
        } else if let moved = listMove(key, from: selected, count: entries.count, page: overlayRows) {
            mode = .results(selected: moved)
        }
    }

    mutating func handleContentsKey(_ key: Key, selected: Int) {
        let chapters = tableOfContents
        if closes(key, opener: .tableOfContents) {
            mode = .normal
        } else if key == .enter {
            mode = .normal
            if selected < chapters.count {
                jump(to: chapters[selected].start)
                say(UIStrings.chapter(selected + 1, of: chapters.count, title: InertText.clean(chapters[selected].title)))
            }
        } else if let moved = listMove(key, from: selected, count: chapters.count, page: overlayRows) {
            mode = .contents(selected: moved)
        }
    }

    mutating func handleLinksKey(_ key: Key, links: [String], selected: Int) -> [Effect] {
        if closes(key, opener: .openLink) {
            mode = .normal
        } else if key == .enter {
            mode = .normal
            return [.openLink(links[min(selected, links.count - 1)])]
        } else if case .character(let character) = key, let number = character.wholeNumberValue, (1...links.count).contains(number) {
            mode = .normal
            return [.openLink(links[number - 1])]
        } else if let moved = listMove(key, from: selected, count: links.count, page: overlayRows) {
            mode = .links(links, selected: moved)
        }
        return []
    }

    /// The help's lines: every action with its keys.
    var helpLines: [(keys: String, summary: String)] {
        var lines: [(String, String)] = []
        for action in Action.allCases {
            let keys = keymap.keys(for: action).map(\.name).joined(separator: " ")
            if !keys.isEmpty { lines.append((keys, action.summary)) }
        }
        lines.append(("1–9…", UIStrings.countHelp))
        lines.append((":messages", UIStrings.messagesHelp))
        return lines
    }
}
