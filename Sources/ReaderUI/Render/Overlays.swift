import EpisodeKit

/// The boxes drawn over the panes: help, messages, results, chapters, links.
extension Painter {
    /// A centred box of at most `width` × `height`, cleared, with a title.
    /// The clearing reaches one column past each side, so no half of a wide
    /// character below is left at its edges.
    mutating func overlayFrame(title: String, width: Int, height: Int) -> Rect {
        let w = min(width, screen.width - 2), h = min(height, screen.height - 2)
        let frame = Rect(x: (screen.width - w) / 2, y: max(1, (screen.height - h) / 2), width: w, height: h)
        for y in frame.y..<(frame.y + frame.height) { screen.fill(row: y, from: frame.x - 1, count: frame.width + 2) }
        box(frame, title: title, focused: true)
        return frame.inner
    }

    /// The top line of a scrolled text of `count` lines in `rows` rows.
    static func firstLine(scroll: Int, count: Int, rows: Int) -> Int {
        min(max(0, scroll), max(0, count - rows))
    }

    mutating func helpOverlay(scroll: Int) {
        let lines = state.helpLines
        let keyWidth = min(22, lines.map { DisplayWidth.of($0.keys) }.max() ?? 10)
        let inner = overlayFrame(title: UIStrings.helpTitle, width: 80, height: lines.count + 2)
        guard inner.height > 0 else { return }
        let first = Self.firstLine(scroll: scroll, count: lines.count, rows: inner.height)
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            if line.keys.isEmpty {
                // A heading: where the keys below it work.
                screen.write(line.summary, row: inner.y + offset, column: inner.x + 1, limit: inner.width - 1, style: Style(bold: true, underline: true))
                continue
            }
            screen.write(line.keys, row: inner.y + offset, column: inner.x + 1, limit: keyWidth, style: styles.focusedTitle)
            screen.write(line.summary, row: inner.y + offset, column: inner.x + 2 + keyWidth, limit: inner.width - keyWidth - 2)
        }
        scrollMark(inner, first: first, count: lines.count)
    }

    /// Every message of the session, wrapped, newest at the bottom.
    mutating func messagesOverlay(scroll: Int) {
        let inner = overlayFrame(title: "\(UIStrings.messagesTitle) (\(state.messageLog.count))", width: screen.width - 4,
                                 height: screen.height - 2)
        guard inner.height > 0, inner.width > 3 else { return }
        var lines: [(String, Bool)] = []
        var firstLineOf: [Int] = []
        for message in state.messageLog {
            firstLineOf.append(lines.count)
            for (number, line) in TextWrap.wrap(InertText.clean(message.text), width: inner.width - 4).enumerated() {
                lines.append(((number == 0 ? "• " : "  ") + line.text, message.isWarning))
            }
        }
        // `scroll` counts messages; the view ends with the one it names.
        let selectedMessage = min(scroll, max(0, firstLineOf.count - 1))
        let lastLine = selectedMessage + 1 < firstLineOf.count ? firstLineOf[selectedMessage + 1] : lines.count
        let first = Self.firstLine(scroll: lastLine - inner.height, count: lines.count, rows: inner.height)
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            screen.write(line.0, row: inner.y + offset, column: inner.x + 1, limit: inner.width - 1,
                         style: line.1 ? styles.warning : styles.plain)
        }
        scrollMark(inner, first: first, count: lines.count)
    }

    /// `↓ more` at the bottom edge when the text goes on.
    mutating func scrollMark(_ inner: Rect, first: Int, count: Int) {
        guard count > inner.height else { return }
        let mark = first + inner.height < count ? " ↓ \(first + inner.height)/\(count) " : " \(count)/\(count) "
        screen.write(mark, row: inner.y + inner.height, column: inner.x + inner.width - DisplayWidth.of(mark) - 1, style: styles.focusedBorder)
    }

    mutating func resultsOverlay(selected: Int) {
        let entries = state.resultEntries
        let inner = overlayFrame(title: "\(UIStrings.resultsTitle) (\(entries.count))", width: screen.width - 4, height: screen.height - 2)
        guard inner.height > 0 else { return }
        let first = max(0, min(selected - inner.height / 2, entries.count - inner.height))
        let fieldWidth = inner.width >= 60 ? 20 : 11
        for (offset, entry) in entries.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            let index = first + offset
            let (time, text) = label(entry.pane, entry.entry)
            let base = index == selected ? Style(reverse: true) : styles.plain
            screen.fill(row: y, from: inner.x, count: inner.width, style: base)
            var column = inner.x + 1
            column += screen.write(time + "  ", row: y, column: column, limit: inner.x + inner.width - column, style: base)
            let field = Self.fit(fieldName(entry.pane, entry.entry), to: fieldWidth)
            column += screen.write(field + " ", row: y, column: column, limit: inner.x + inner.width - column,
                                   style: Style(color: base.reverse ? nil : styles.focusedTitle.color, dim: !base.reverse, reverse: base.reverse))
            writeAroundMatch(text, row: y, column: column, width: inner.x + inner.width - column, base: base)
        }
    }

    /// A hit's text from a little before its first match, the matches
    /// marked, so the match is in view however long the text; a fuzzy match
    /// is marked `≈` with the word it matched.
    mutating func writeAroundMatch(_ text: String, row: Int, column: Int, width: Int, base: Style) {
        guard width > 0, let search = state.search else { return }
        let found = search.results.highlights(in: text)
        var shown = InertText.oneLine(text)
        var ranges = found.ranges
        var prefix = ""
        if !found.fuzzyWords.isEmpty {
            prefix = "≈ " + found.fuzzyWords.prefix(2).map { InertText.clean($0) }.joined(separator: ", ") + "  "
        }
        // Start a few words before the first match when it would be cut off.
        if let firstMatch = ranges.first, DisplayWidth.of(prefix) + HighlightCache.column(ofScalar: firstMatch.upperBound, in: shown) > width {
            let scalars = Array(shown.unicodeScalars)
            var start = max(0, firstMatch.lowerBound - max(8, width / 4))
            while start > 0, start < firstMatch.lowerBound, !scalars[start - 1].properties.isWhitespace { start += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start...])
            shown = "…" + String(view)
            ranges = ranges.map { ($0.lowerBound - start + 1)..<($0.upperBound - start + 1) }.filter { $0.lowerBound >= 1 }
        }
        var used = 0
        if !prefix.isEmpty {
            used = screen.write(prefix, row: row, column: column, limit: width, style: Style(color: styles.warning.color, bold: true, reverse: base.reverse))
        }
        let written = screen.write(shown, row: row, column: column + used, limit: width - used, style: base)
        for range in ranges {
            let from = HighlightCache.column(ofScalar: range.lowerBound, in: shown)
            let to = HighlightCache.column(ofScalar: range.upperBound, in: shown)
            guard from < written else { continue }
            screen.restyle(row: row, from: column + used + from, count: min(to, written) - from) {
                $0.reverse = !base.reverse
                $0.bold = true
            }
        }
    }

    /// The field a hit is in, named in full.
    func fieldName(_ pane: PaneKind, _ entry: Int) -> String {
        switch pane {
        case .transcript: return state.chaptersAsLines ? "chapter" : "transcript"
        case .shownotes:
            let items = state.episode.shownotesItems.count
            return entry == 0 ? "title" : entry < items ? "shownotes" : "people"
        case .reading: return "recommended reading"
        }
    }

    static func fit(_ text: String, to width: Int) -> String {
        let length = DisplayWidth.of(text)
        if length > width { return truncated(text, to: width) }
        return text + String(repeating: " ", count: width - length)
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

    /// The links of one paragraph or item, numbered: Enter or the number opens one.
    mutating func linksOverlay(_ links: [String], selected: Int) {
        let longest = links.map { DisplayWidth.of($0) }.max() ?? 10
        let inner = overlayFrame(title: "\(UIStrings.linksTitle) (\(links.count))", width: longest + 8, height: links.count + 2)
        guard inner.height > 0 else { return }
        let first = max(0, min(selected - inner.height / 2, links.count - inner.height))
        for (offset, link) in links.dropFirst(first).prefix(inner.height).enumerated() {
            let index = first + offset
            let style = index == selected ? Style(reverse: true) : styles.plain
            screen.fill(row: inner.y + offset, from: inner.x, count: inner.width, style: style)
            let number = index < 9 ? "\(index + 1) " : "  "
            screen.write(number + Self.truncated(InertText.clean(link), to: inner.width - 3), row: inner.y + offset, column: inner.x + 1,
                         limit: inner.width - 1, style: style)
        }
    }

    /// The timestamp and text of an entry, for the results list.
    func label(_ pane: PaneKind, _ entry: Int) -> (String, String) {
        let episode = state.episode
        let blank = String(repeating: " ", count: 8)
        switch pane {
        case .transcript:
            let segment = episode.segments[entry]
            return (episode.hasTimes ? segment.start.formatted : blank, segment.text)
        case .shownotes, .reading:
            let time = pane == .reading && entry < episode.reading.count ? episode.reading[entry].time?.formatted : nil
            return (time ?? blank, state.entryText(pane, entry) ?? "")
        }
    }
}
