import EpisodeKit

/// The help, results and chapters boxes drawn over the panes.
extension Painter {
    /// A centred box of at most `width` × `height`, cleared, with a title.
    mutating func overlayFrame(title: String, width: Int, height: Int) -> Rect {
        let w = min(width, screen.width - 2), h = min(height, screen.height - 2)
        let frame = Rect(x: (screen.width - w) / 2, y: max(1, (screen.height - h) / 2), width: w, height: h)
        for y in frame.y..<(frame.y + frame.height) { screen.fill(row: y, from: frame.x, count: frame.width) }
        box(frame, title: title, focused: true)
        return frame.inner
    }

    mutating func helpOverlay(scroll: Int) {
        var lines: [(String, String)] = []
        for action in Action.allCases {
            let keys = state.keymap.keys(for: action).map(\.name).joined(separator: " ")
            if !keys.isEmpty { lines.append((keys, action.summary)) }
        }
        let keyWidth = min(22, lines.map { DisplayWidth.of($0.0) }.max() ?? 10)
        let inner = overlayFrame(title: UIStrings.helpTitle, width: 64, height: lines.count + 2)
        let first = min(scroll, max(0, lines.count - inner.height))
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            screen.write(line.0, row: inner.y + offset, column: inner.x + 1, limit: keyWidth, style: styles.focusedTitle)
            screen.write(line.1, row: inner.y + offset, column: inner.x + 2 + keyWidth, limit: inner.width - keyWidth - 2)
        }
    }

    mutating func resultsOverlay(selected: Int) {
        let entries = state.resultEntries
        let inner = overlayFrame(title: "\(UIStrings.resultsTitle) (\(entries.count))", width: screen.width - 4, height: screen.height - 2)
        guard inner.height > 0 else { return }
        let first = max(0, min(selected - inner.height / 2, entries.count - inner.height))
        for (offset, entry) in entries.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            let index = first + offset
            let (time, text) = label(entry.pane, entry.entry)
            let line = "\(time)  \(entry.pane.title.prefix(10).padding(10))  \(text)"
            screen.write(line, row: y, column: inner.x + 1, limit: inner.width - 1,
                         style: index == selected ? Style(reverse: true) : styles.plain)
        }
    }

    mutating func contentsOverlay(selected: Int) {
        let chapters = state.tableOfContents
        let inner = overlayFrame(title: UIStrings.contentsTitle, width: 60, height: chapters.count + 2)
        guard inner.height > 0 else { return }
        let first = max(0, min(selected - inner.height / 2, chapters.count - inner.height))
        for (offset, chapter) in chapters.dropFirst(first).prefix(inner.height).enumerated() {
            let index = first + offset
            screen.write("\(chapter.start.formatted)  \(InertText.clean(chapter.title))", row: inner.y + offset, column: inner.x + 1,
                         limit: inner.width - 1, style: index == selected ? Style(reverse: true) : styles.plain)
        }
    }

    /// The timestamp and text of an entry, for the results list.
    func label(_ pane: PaneKind, _ entry: Int) -> (String, String) {
        let episode = state.episode
        switch pane {
        case .transcript:
            let segment = episode.segments[entry]
            return (segment.start.formatted, InertText.clean(segment.text))
        case .shownotes:
            let items = episode.shownotesItems
            let text = entry < items.count ? items[entry] : episode.people[entry - items.count].searchText
            return ("        ", InertText.clean(text))
        case .reading:
            return ("        ", InertText.clean(episode.reading[entry].text))
        }
    }
}

private extension Substring {
    func padding(_ width: Int) -> String {
        count >= width ? String(self) : String(self) + String(repeating: " ", count: width - count)
    }
}
