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
        let hits = state.hits[focus]
        if let target = hits.first(where: { $0 >= origin }) ?? hits.first {
            land(on: target, in: focus, forward: true)
        } else {
            moveCursor(focus, to: origin)
        }
    }

    /// Moves to a hit's entry with the matched words in view: inside a line
    /// taller than the pane, at the row of its first match (or its last,
    /// coming backwards).
    mutating func land(on entry: Int, in pane: PaneKind, forward: Bool) {
        let rows = isTall(pane, entry: entry) ? matchRows(pane, entry: entry) : []
        moveCursor(pane, to: entry, row: forward ? rows.first : rows.last, centered: true)
    }

    /// `n` and `N` (`3n` the third): the next or previous hit in the
    /// focused pane, wrapping. Inside a line taller than the pane they step
    /// through the rows that hold a match before moving on.
    mutating func stepHit(forward: Bool, times: Int = 1) {
        guard let search else {
            say(pendingSearch != nil ? UIStrings.indexing : UIStrings.noSearch(key: keyName(.search)), warning: true)
            return
        }
        let hits = search.hits[focus]
        guard !hits.isEmpty else {
            say(search.results.isEmpty ? UIStrings.notFound(search.query) : UIStrings.noHitsInPane(focus), warning: true)
            return
        }
        for _ in 0..<times { stepOneHit(forward: forward, hits: hits) }
    }

    private mutating func stepOneHit(forward: Bool, hits: [Int]) {
        let cursor = panes[focus].cursor
        if isTall(focus, entry: cursor), hits.sortedContains(cursor) {
            let rows = matchRows(focus, entry: cursor)
            let top = panes[focus].top
            let reference = panes[focus].hitRow ?? (forward ? top - 1 : top + visibleRows(focus))
            if let row = forward ? rows.first(where: { $0 > reference }) : rows.last(where: { $0 < reference }) {
                moveCursor(focus, to: cursor, row: row, centered: true)
                return
            }
        }
        if forward {
            if let next = hits.first(where: { $0 > cursor }) {
                land(on: next, in: focus, forward: true)
            } else {
                land(on: hits[0], in: focus, forward: true)
                say(UIStrings.searchWrappedTop, warning: true)
            }
        } else {
            if let previous = hits.last(where: { $0 < cursor }) {
                land(on: previous, in: focus, forward: false)
            } else {
                land(on: hits[hits.count - 1], in: focus, forward: false)
                say(UIStrings.searchWrappedBottom, warning: true)
            }
        }
    }

    /// The rows of an entry that hold a match of the search, in order.
    /// (Texts over a megabyte are not searched row by row: landing on
    /// their first row is as close as a keystroke's time allows.)
    func matchRows(_ pane: PaneKind, entry: Int) -> [Int] {
        guard let search, entry < documents[pane].entryCount else { return [] }
        let document = documents[pane]
        let first = document.firstRow[entry]
        var found: [Int: [Range<Int>]] = [:]
        var rows: [Int] = []
        for (offset, row) in document.rows(first..<(document.lastRow(of: entry) + 1)).enumerated() {
            for span in row.spans {
                guard let source = span.source else { continue }
                if found[source] == nil {
                    let text = document.source(source)
                    found[source] = text.utf8.count <= 1_000_000 ? search.results.highlights(in: text).ranges : []
                }
                let covered = span.sourceOffset..<(span.sourceOffset + max(1, span.text.unicodeScalars.count))
                if found[source]!.contains(where: { $0.overlaps(covered) }) {
                    rows.append(first + offset)
                    break
                }
            }
        }
        return rows
    }

    /// The similar words the focused pane's current line was found by, when
    /// it matched only fuzzily (nil when it is no hit, or too long to look at per frame).
    func fuzzyWordsAtCursor() -> [String]? {
        guard let search else { return nil }
        let cursor = panes[focus].cursor
        guard search.hits[focus].sortedContains(cursor), let text = entryText(focus, cursor), text.utf8.count <= 65_536 else { return nil }
        return search.results.highlights(in: text).fuzzyWords
    }

    /// Every hit in every pane, for the `&` list: pane, entry, label.
    var resultEntries: [(pane: PaneKind, entry: Int)] {
        guard let search else { return [] }
        return arrangement.shown.flatMap { pane in search.hits[pane].map { (pane, $0) } }
    }
}
