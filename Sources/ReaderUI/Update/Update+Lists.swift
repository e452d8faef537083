import EpisodeKit

/// Keys in the boxes over the panes: help, messages, the results list, the
/// table of contents and the choice of links. They move with the keys that
/// move a pane (as the keymap binds them: `j`, `k`, `C-d`, `PgDn`, `g`, `G`…).
extension ReaderState {
    /// Where a list's selection (or a scrolled text's top line) goes for a
    /// moving action; nil when the action does not move.
    func listMove(_ action: Action?, from current: Int, count: Int, page: Int) -> Int? {
        let page = max(1, page)
        let target: Int
        switch action {
        case .listDown?: target = current + 1
        case .listUp?: target = current - 1
        case .listHalfDown?: target = current + max(1, page / 2)
        case .listHalfUp?: target = current - max(1, page / 2)
        case .listPageDown?: target = current + page
        case .listPageUp?: target = current - page
        case .listTop?: target = 0
        case .listBottom?: target = count - 1
        default: return nil
        }
        return min(max(target, 0), max(0, count - 1))
    }

    /// A box closes with its close keys, and with the key that opened it.
    func closes(_ key: Key, _ action: Action?, opener: Action) -> Bool {
        action == .close || keymap.action(for: key) == opener
    }

    /// Rows the boxes over the panes have for their lines.
    var overlayRows: Int { max(1, height - 4) }

    mutating func handleHelpKey(_ key: Key, scroll: Int) {
        let action = keymap.action(for: key, in: .list)
        if closes(key, action, opener: .help) || action == .choose {
            mode = .normal
        } else if let moved = listMove(action, from: scroll, count: helpLines.count - overlayRows + 1, page: overlayRows) {
            mode = .help(scroll: moved)
        }
    }

    mutating func handleMessagesKey(_ key: Key, scroll: Int) {
        let action = keymap.action(for: key, in: .list)
        if closes(key, action, opener: .messages) || action == .choose {
            mode = .normal
        } else if let moved = listMove(action, from: scroll, count: messageLog.count, page: overlayRows) {
            mode = .messages(scroll: moved)
        }
    }

    mutating func handleResultsKey(_ key: Key, selected: Int) {
        let entries = resultEntries
        guard !entries.isEmpty else {
            mode = .normal
            return
        }
        let action = keymap.action(for: key, in: .list)
        if closes(key, action, opener: .resultsList) {
            mode = .normal
        } else if action == .choose {
            let target = entries[min(selected, entries.count - 1)]
            mode = .normal
            focus = target.pane
            land(on: target.entry, in: target.pane, forward: true)
        } else if let moved = listMove(action, from: selected, count: entries.count, page: overlayRows) {
            mode = .results(selected: moved)
        }
    }

    mutating func handleContentsKey(_ key: Key, selected: Int) {
        let chapters = tableOfContents
        let action = keymap.action(for: key, in: .list)
        if closes(key, action, opener: .tableOfContents) {
            mode = .normal
        } else if action == .choose {
            mode = .normal
            if selected < chapters.count {
                jump(to: chapters[selected].start)
                say(UIStrings.chapter(selected + 1, of: chapters.count, title: InertText.clean(chapters[selected].title)))
            }
        } else if let moved = listMove(action, from: selected, count: chapters.count, page: overlayRows) {
            mode = .contents(selected: moved)
        }
    }

    mutating func handleLinksKey(_ key: Key, links: [String], selected: Int) -> [Effect] {
        let action = keymap.action(for: key, in: .list)
        if closes(key, action, opener: .openLink) {
            mode = .normal
        } else if action == .choose {
            mode = .normal
            return [.openLink(links[min(selected, links.count - 1)])]
        } else if case .character(let character) = key, let number = character.wholeNumberValue, (1...links.count).contains(number) {
            mode = .normal
            return [.openLink(links[number - 1])]
        } else if let moved = listMove(action, from: selected, count: links.count, page: overlayRows) {
            mode = .links(links, selected: moved)
        }
        return []
    }

    /// The help's lines: every action with its keys, by where they work.
    var helpLines: [(keys: String, summary: String)] {
        var lines: [(String, String)] = []
        for context in KeyContext.allCases {
            if !lines.isEmpty { lines.append(("", "")) }
            lines.append(("", context.title + ":"))
            for action in Action.allCases where action.context == context {
                let keys = keymap.keys(for: action).map(\.name).joined(separator: " ")
                if !keys.isEmpty { lines.append((keys, action.summary)) }
            }
            if context == .reader {
                lines.append(("1–9…", UIStrings.countHelp))
                lines.append((":messages", UIStrings.messagesHelp))
            }
        }
        return lines
    }
}
