import EpisodeKit
import ReaderUI

/// Drawing the library's screens: a title bar, a list, a status line.
struct ListPainter {
    var screen: Screen
    let styles: Styles
    let keymap: Keymap

    init(width: Int, height: Int, settings: ReaderSettings, colors: Bool) {
        screen = Screen(width: width, height: height)
        var appearance = settings.appearance
        appearance.colors = appearance.colors && colors
        styles = Styles(appearance: appearance)
        keymap = settings.keymap
    }

    func key(_ action: Action) -> String { keymap.keys(for: action).first?.name ?? action.rawValue }

    mutating func titleBar(_ title: String, right: String = "") {
        let width = screen.width
        screen.fill(row: 0, from: 0, count: width, style: styles.bar)
        let used = screen.write(width >= 50 ? " podread  " : " ", row: 0, column: 0, style: styles.barBold)
        let rightWidth = DisplayWidth.of(right)
        screen.write(Painter.truncated(InertText.clean(title), to: max(0, width - used - rightWidth - 2)), row: 0, column: used, style: styles.bar)
        if !right.isEmpty, width - rightWidth - 1 > used { screen.write(right, row: 0, column: width - rightWidth - 1, style: styles.barBold) }
    }

    mutating func heading(_ text: String) {
        screen.write(Painter.truncated(text, to: screen.width - 1), row: 1, column: 0, style: styles.dim)
    }

    /// A row of the list, marked when chosen.
    mutating func row(_ number: Int, _ text: String, chosen: Bool, style: Style? = nil) {
        let y = 2 + number
        guard y < screen.height - 1 else { return }
        if chosen {
            screen.fill(row: y, from: 0, count: screen.width, style: Style(reverse: true))
            screen.write("▌", row: y, column: 0, style: styles.marker)
        }
        var written = style ?? styles.plain
        if chosen { written.reverse = true }
        screen.write(Painter.truncated(text, to: screen.width - 2), row: y, column: 1, limit: screen.width - 1, style: written)
    }

    mutating func status(_ left: String, warning: Bool = false, hints: String, cursor: Bool = false) {
        let row = screen.height - 1
        let used = screen.write(" " + left, row: row, column: 0, limit: screen.width, style: warning ? styles.warning : styles.plain)
        if cursor { screen.write("█", row: row, column: used, style: styles.dim) }
        let column = screen.width - DisplayWidth.of(hints) - 1
        if column > used + 2 { screen.write(hints, row: row, column: column, style: styles.dim) }
    }

    /// The keys of these screens, in a box, from the keymap.
    mutating func help(_ actions: [Action]) {
        var lines: [(String, String)] = []
        for action in actions {
            let keys = keymap.keys(for: action).map(\.name).joined(separator: " ")
            if !keys.isEmpty { lines.append((keys, action.summary)) }
        }
        let width = min(screen.width - 2, 70), height = min(screen.height - 2, lines.count + 2)
        let x = (screen.width - width) / 2, y = max(1, (screen.height - height) / 2)
        for row in y..<(y + height) { screen.fill(row: row, from: x, count: width) }
        screen.write("┌ Keys " + String(repeating: "─", count: max(0, width - 8)) + "┐", row: y, column: x, limit: width, style: styles.focusedBorder)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            screen.write("│", row: y + 1 + offset, column: x, style: styles.focusedBorder)
            screen.write(line.0, row: y + 1 + offset, column: x + 2, limit: 16, style: styles.focusedTitle)
            screen.write(line.1, row: y + 1 + offset, column: x + 19, limit: width - 21)
            screen.write("│", row: y + 1 + offset, column: x + width - 1, style: styles.focusedBorder)
        }
        screen.write("└" + String(repeating: "─", count: max(0, width - 2)) + "┘", row: y + height - 1, column: x, limit: width, style: styles.focusedBorder)
    }
}

func padded(_ text: String, _ width: Int) -> String {
    let length = DisplayWidth.of(text)
    return length >= width ? Painter.truncated(text, to: width) : text + String(repeating: " ", count: width - length)
}

func leftPadded(_ text: String, _ width: Int) -> String {
    let length = DisplayWidth.of(text)
    return length >= width ? text : String(repeating: " ", count: width - length) + text
}

extension LibraryScreen {
    func render(width: Int, height: Int, settings: ReaderSettings, colors: Bool) -> Screen {
        var painter = ListPainter(width: width, height: height, settings: settings, colors: colors)
        painter.titleBar("Library", right: refreshing ?? "\(podcasts.count) podcast\(podcasts.count == 1 ? "" : "s")")
        let titleWidth = max(10, width - 44)
        painter.heading("  " + padded("Podcast", titleWidth) + " Episodes Transcripts Unread  Refreshed")
        for (offset, podcast) in podcasts.dropFirst(list.top).prefix(listRows(height: height)).enumerated() {
            let number = list.top + offset
            let refreshed = podcast.problem != nil ? "failed" : (podcast.refreshed.map { String($0.prefix(10)) } ?? "never")
            let line = padded(InertText.clean(podcast.title), titleWidth) + " " + leftPadded("\(podcast.episodes)", 8) + " "
                + leftPadded("\(podcast.transcripts)", 11) + " " + leftPadded("\(podcast.unread)", 6) + "  " + refreshed
            painter.row(offset, line, chosen: number == list.selected, style: podcast.problem != nil ? painter.styles.warning : nil)
        }
        if podcasts.isEmpty {
            painter.row(0, "No podcasts yet: \(painter.key(.addFeed)) adds one by its feed's address (or 'podread import FILE.opml').", chosen: false)
        }
        let hints = "\(painter.key(.choose)) open · / search · \(painter.key(.refresh)) refresh · \(painter.key(.addFeed)) add · \(painter.key(.help)) help · \(painter.key(.close)) quit"
        switch prompt {
        case .addFeed(let text)?:
            painter.status("feed address: " + InertText.clean(text), hints: "Enter add · Esc cancel", cursor: true)
        case .confirmRemove(_, let title)?:
            painter.status("stop following \(InertText.clean(title)) (its episodes, positions and files go)? y/n", warning: true, hints: "")
        case nil:
            painter.status(message.map { InertText.clean($0) } ?? "", warning: warning, hints: hints)
        }
        if showingHelp {
            painter.help([.listDown, .listUp, .listTop, .listBottom, .choose, .search, .refresh, .addFeed, .removePodcast, .help, .close])
        }
        return painter.screen
    }
}

extension EpisodesScreen {
    func render(width: Int, height: Int, settings: ReaderSettings, colors: Bool) -> Screen {
        var painter = ListPainter(width: width, height: height, settings: settings, colors: colors)
        painter.titleBar(podcast.title, right: "\(episodes.count) episodes")
        painter.heading("  Date        Length    T  Read      Title")
        for (offset, episode) in episodes.dropFirst(list.top).prefix(listRows(height: height)).enumerated() {
            let number = list.top + offset
            let progress: String
            switch episode.progress {
            case .unread: progress = "new"
            case .inProgress(let time): progress = time.formatted
            case .finished: progress = "done ✓"
            }
            let line = padded(episode.date ?? "", 10) + "  " + padded(episode.duration?.formatted ?? "unknown", 8) + "  "
                + (episode.hasTranscript ? "T" : " ") + "  " + padded(progress, 8) + "  " + InertText.clean(episode.title)
            painter.row(offset, line, chosen: number == list.selected,
                        style: episode.progress == .finished ? painter.styles.dim : nil)
        }
        let hints = "\(painter.key(.choose)) read · / search · \(painter.key(.toggleFinished)) finished · \(painter.key(.refresh)) refresh · \(painter.key(.close)) back"
        painter.status(message.map { InertText.clean($0) } ?? "", warning: warning, hints: hints)
        if showingHelp {
            painter.help([.listDown, .listUp, .listTop, .listBottom, .choose, .search, .toggleFinished, .refresh, .help, .close])
        }
        return painter.screen
    }
}

extension ResultsScreen {
    func render(width: Int, height: Int, settings: ReaderSettings, colors: Bool) -> Screen {
        var painter = ListPainter(width: width, height: height, settings: settings, colors: colors)
        let episodes = groups.count
        painter.titleBar("Search the library", right: indexing ?? (query.isEmpty ? "" : "\(total) hit\(total == 1 ? "" : "s") in \(episodes) episode\(episodes == 1 ? "" : "s")"))
        painter.heading("  Podcast · date · episode (hits), then each hit")
        var rows: [(text: String, hit: Int?, heading: Bool, ranges: [Range<Int>], offset: Int)] = []
        var hitNumber = 0
        for group in groups {
            let heading = "\(InertText.clean(group.podcast)) · \(group.date ?? "") · \(InertText.clean(group.title)) (\(group.count))"
            rows.append((heading, nil, true, [], 0))
            for hit in group.hits {
                let time = hit.start?.formatted ?? String(repeating: " ", count: 8)
                let prefix = "  \(time)  " + (hit.fuzzy ? "≈ " : "")
                rows.append((prefix + InertText.oneLine(hit.text), hitNumber, false, hit.ranges, prefix.unicodeScalars.count))
                hitNumber += 1
            }
        }
        for (offset, row) in rows.dropFirst(top).prefix(listRows(height: height)).enumerated() {
            let chosen = !typing && row.hit == selected
            painter.row(offset, row.text, chosen: chosen, style: row.heading ? Style(bold: true) : nil)
            // The matched words, marked.
            for range in row.ranges {
                let from = 1 + HighlightCache.column(ofScalar: row.offset + range.lowerBound, in: row.text)
                let to = 1 + HighlightCache.column(ofScalar: row.offset + range.upperBound, in: row.text)
                painter.screen.restyle(row: 2 + offset, from: from, count: max(0, min(to, width - 1) - from)) {
                    $0.reverse.toggle()
                    $0.bold = true
                }
            }
        }
        if typing {
            painter.status("/" + InertText.clean(query), hints: "Enter keep · Esc back", cursor: true)
        } else {
            let hints = "\(painter.key(.choose)) read there · / change · \(painter.key(.close)) back"
            painter.status(message ?? InertText.clean(query) + (total > 0 ? "  \(min(selected + 1, hits.count))/\(hits.count) shown" : ""),
                           warning: message != nil, hints: hints)
        }
        return painter.screen
    }
}
