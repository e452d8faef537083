import EpisodeKit

extension ReaderState {
    mutating func handlePromptKey(_ key: Key, _ prompt: Prompt) -> [Effect] {
        var prompt = prompt
        switch keymap.action(for: key, in: .prompt) {
        case .abandon?:
            mode = .normal
            if prompt.kind == .search {
                search = nil
                pendingSearch = nil
                moveCursor(focus, to: prompt.origin)
            }
            return []
        case .submit?:
            mode = .normal
            return commit(prompt)
        case .deleteBack?:
            if prompt.text.isEmpty {
                mode = .normal
                if prompt.kind == .search { moveCursor(focus, to: prompt.origin) }
                return []
            }
            prompt.text.removeLast()
        case .clearLine?:
            prompt.text = ""
        case .historyBack?, .historyForward?:
            guard prompt.kind == .search, !searchHistory.isEmpty else { return [] }
            var position = prompt.historyIndex ?? searchHistory.count
            position += keymap.action(for: key, in: .prompt) == .historyBack ? -1 : 1
            position = min(max(0, position), searchHistory.count)
            prompt.historyIndex = position
            prompt.text = position < searchHistory.count ? searchHistory[position] : ""
        default:
            // Anything else that is a character is text.
            guard case .character(let character) = key else { return [] }
            prompt.text.append(character)
        }
        mode = .prompt(prompt)
        if prompt.kind == .search { runSearch(prompt.text, from: prompt.origin) }
        return []
    }

    private mutating func commit(_ prompt: Prompt) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: " ")
        switch prompt.kind {
        case .search:
            guard !text.isEmpty else {
                // `/` then Enter: the last search again, from here (vim, less).
                guard let last = searchHistory.last else {
                    search = nil
                    pendingSearch = nil
                    return []
                }
                runSearch(last, from: min(prompt.origin + 1, max(0, documents[focus].entryCount - 1)))
                if let search, search.results.isEmpty { say(UIStrings.notFound(last), warning: true) }
                return []
            }
            searchHistory.removeAll { $0 == text }
            searchHistory.append(text)
            if let search, search.results.isEmpty {
                say(UIStrings.notFound(text), warning: true)
            }
            return []
        case .time:
            return jumpTyped(text)
        case .command:
            if text == "q" || text == "quit" { return [.quit] }
            if text.isEmpty { return [] }
            if text == "messages" || text == "mes" { return perform(.messages) }
            if text == "help" || text == "h" { return perform(.help) }
            if text.first?.isNumber == true || text.first == "+" || text.first == "-" {
                return jumpTyped(text)
            } else {
                say(UIStrings.unknownCommand(text), warning: true)
            }
            return []
        }
    }

    /// Jumps to a typed time, relative to the current position for `+`/`-`.
    /// Also seeks the player, so the audio and the transcript stay together.
    @discardableResult
    mutating func jumpTyped(_ text: String) -> [Effect] {
        do {
            let target = try TimeInput.parse(text).resolved(from: position)
            jump(to: target)
            return playback == nil ? [] : [.player(.seek(target))]
        } catch {
            say(error.description, warning: true)
            return []
        }
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var copy = Substring(self)
        while copy.first == set { copy.removeFirst() }
        while copy.last == set { copy.removeLast() }
        return String(copy)
    }
}
