import EpisodeKit

/// What the host tells the reader: where to start, the index it built, the
/// messages to show. Called from `update` only.
extension ReaderState {
    /// The index built elsewhere (see `indexLater`); a search waiting for it runs now.
    mutating func receive(index: SearchIndex) {
        self.index = index
        guard let pending = pendingSearch else { return }
        pendingSearch = nil
        if case .prompt(let prompt) = mode, prompt.kind == .search {
            runSearch(prompt.text, from: prompt.origin)
        } else {
            runSearch(pending.query, from: pending.origin)
        }
    }

    /// Where to start: a time (from `--at` or where the episode was left,
    /// then `resumed` says so), a search (from `--search`), and what the
    /// host has to tell (problems with the files, the configuration).
    mutating func begin(_ request: StartRequest) {
        let time = request.time, resumed = request.resumed, query = request.search, notices = request.notices
        for notice in notices { log(InertText.clean(notice), warning: true) }
        if let time { jump(to: time) }
        if let query, !query.isEmpty {
            runSearch(query, from: panes[focus].cursor)
            searchHistory.append(query)
        }
        var opening: [String] = []
        if resumed, time != nil {
            opening.append(UIStrings.resumed(position))
            log(opening[0], warning: false)
        }
        if let first = notices.first {
            let more = notices.count > 1 ? UIStrings.moreMessages(notices.count - 1, key: keyName(.messages)) : ""
            opening.append(InertText.clean(first) + more)
        }
        if message == nil, !opening.isEmpty {
            message = StatusMessage(text: opening.joined(separator: " · "), isWarning: !notices.isEmpty)
        }
    }

    /// Shows a line in the status bar, and keeps it in the session's messages.
    mutating func say(_ text: String, warning: Bool = false) {
        message = StatusMessage(text: text, isWarning: warning)
        log(text, warning: warning)
    }

    mutating func log(_ text: String, warning: Bool) {
        let entry = StatusMessage(text: text, isWarning: warning)
        if messageLog.last != entry { messageLog.append(entry) }
        if messageLog.count > 1000 { messageLog.removeFirst(messageLog.count - 1000) }
    }
}
