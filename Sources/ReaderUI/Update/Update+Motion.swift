import EpisodeKit

/// Moving through a pane: by lines, by rows, to a line, between panes.
extension ReaderState {
    /// `j` and `k`: the next or previous line. Inside a line taller than
    /// the pane, they scroll it a row at a time until its end (or start) is
    /// in view, so no row of it stays out of reach; then they step on.
    mutating func stepLine(forward: Bool) {
        let document = documents[focus]
        guard document.entryCount > 0 else { return }
        let cursor = panes[focus].cursor
        let top = panes[focus].top
        let visible = visibleRows(focus)
        if isTall(focus, entry: cursor) {
            if forward, document.lastRow(of: cursor) >= top + visible {
                panes[focus].top = top + 1
                panes[focus].hitRow = nil
                return
            }
            if !forward, document.firstRow[cursor] < top {
                panes[focus].top = top - 1
                panes[focus].hitRow = nil
                return
            }
        }
        let target = cursor + (forward ? 1 : -1)
        guard target >= 0, target < document.entryCount else { return }
        // Coming up into a tall line shows its end: reading on upwards.
        moveCursor(focus, to: target, row: forward ? nil : document.lastRow(of: target))
    }

    /// Half pages and pages: the view scrolls by `delta` rows, as in less,
    /// and the current line moves with it (staying inside a tall line while
    /// the view is still in it).
    mutating func moveRows(_ delta: Int) {
        let document = documents[focus]
        guard document.entryCount > 0, delta != 0 else { return }
        let cursor = panes[focus].cursor
        let top = panes[focus].top
        let visible = visibleRows(focus)
        let first = document.firstRow[cursor], last = document.lastRow(of: cursor)
        // The row of the current line the move counts from: its first row on screen.
        let anchor = min(max(first, top), last)
        var entry = document.entry(atRow: anchor + delta) ?? cursor
        if entry == cursor {
            let tall = isTall(focus, entry: cursor)
            let atEdge = delta > 0 ? top >= last - visible + 1 : top <= first
            if !tall || atEdge { entry += delta > 0 ? 1 : -1 }
        }
        entry = min(max(entry, 0), document.entryCount - 1)
        let maxTop = max(0, document.rowCount - visible)
        panes[focus].top = min(max(0, top + delta), maxTop)
        // The row the move lands on, kept in view (inside a tall line, where the view went).
        let landing = min(max(anchor + delta, document.firstRow[entry]), document.lastRow(of: entry))
        moveCursor(focus, to: entry, row: landing)
        panes[focus].hitRow = nil
    }

    /// `g` and `G`, and with a count (`10G`) the line of that number.
    mutating func goToLine(_ number: Int?, bottom: Bool) {
        let count = documents[focus].entryCount
        guard count > 0 else { return }
        if let number {
            moveCursor(focus, to: min(max(number, 1), count) - 1, centered: true)
        } else if bottom {
            // The end of the last line, as less shows it.
            moveCursor(focus, to: count - 1, row: documents[focus].rowCount - 1)
        } else {
            moveCursor(focus, to: 0)
        }
    }

    /// Tab and Shift-Tab: the next or previous pane on screen.
    mutating func cycleFocus(_ step: Int) {
        let shown = arrangement.shown
        guard let index = shown.firstIndex(of: focus) else {
            focus = arrangement.main
            return
        }
        focus = shown[(index + step + shown.count) % shown.count]
        reveal(focus)
    }
}
