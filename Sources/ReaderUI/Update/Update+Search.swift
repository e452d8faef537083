import EpisodeKit

extension ReaderState {
    /// Runs `query` as typed, highlighting every hit and moving the focused
    /// pane to the first hit at or after `origin`.
    mutating func runSearch(_ query: String, from origin: Int) {
        guard !query.allSatisfy(\.isWhitespace) else {
            search = nil
            pendingSearch = nil
            moveCursor(focus, to: origin)
            return
        }
        pendingSearch = nil
        guard let index else {
            // Still indexing: remembered, and run when the index arrives.
            search = nil
            pendingSearch = PendingSearch(query: query, origin: origin)
            return
        }
        let results = index.search(SearchQuery(query))
        let state = SearchState(query: query, results: results, episode: episode, episodeNumber: episodeNumber, timeline: timeline)
        search = state
        let hits = state.hits[focus] ?? []
        if let target = hits.first(where: { $0 >= origin }) ?? hits.first {
            moveCursor(focus, to: target, centered: true)
        } else {
            moveCursor(focus, to: origin)
        }
    }

    /// `n` and `N`: the next or previous hit in the focused pane, wrapping.
    mutating func stepHit(forward: Bool) {
        guard let search else {
            message = StatusMessage(text: pendingSearch != nil ? UIStrings.indexing : UIStrings.noSearch, isWarning: true)
            return
        }
        let hits = search.hits[focus] ?? []
        guard !hits.isEmpty else {
            message = StatusMessage(text: search.results.isEmpty ? UIStrings.notFound(search.query) : UIStrings.noHitsInPane(focus),
                                    isWarning: true)
            return
        }
        let cursor = panes[focus]!.cursor
        if forward {
            if let next = hits.first(where: { $0 > cursor }) {
                moveCursor(focus, to: next, centered: true)
            } else {
                moveCursor(focus, to: hits[0], centered: true)
                message = StatusMessage(text: UIStrings.searchWrappedTop, isWarning: true)
            }
        } else {
            if let previous = hits.last(where: { $0 < cursor }) {
                moveCursor(focus, to: previous, centered: true)
            } else {
                moveCursor(focus, to: hits[hits.count - 1], centered: true)
                message = StatusMessage(text: UIStrings.searchWrappedBottom, isWarning: true)
            }
        }
    }

    /// Every hit in every pane, for the `&` list: pane, entry, label.
    var resultEntries: [(pane: PaneKind, entry: Int)] {
        guard let search else { return [] }
        return PaneKind.allCases.flatMap { pane in (search.hits[pane] ?? []).map { (pane, $0) } }
    }
}
