import EpisodeKit

/// The three panes of the reader.
public enum PaneKind: Int, CaseIterable, Sendable {
    case transcript, shownotes, reading

    public var title: String {
        switch self {
        case .transcript: UIStrings.transcriptTitle
        case .shownotes: UIStrings.shownotesTitle
        case .reading: UIStrings.readingTitle
        }
    }
}

/// What a row's text is, so the renderer can style it.
public enum RowRole: Sendable, Equatable {
    case timestamp, text, speaker, chapter, title, label, body, authors, detail, link
}

/// A run of text in a row. `source`/`sourceOffset` say which text it was
/// cut from and where, so search highlights land on the right characters
/// even when a sentence wraps.
public struct RowSpan: Sendable, Equatable {
    public var text: String
    public var role: RowRole
    public var column: Int
    public var source: Int?
    public var sourceOffset: Int
}

/// One line of a pane's content.
public struct Row: Sendable, Equatable {
    /// The entry (segment, shownotes item, reading item) the row belongs to.
    public var entry: Int?
    public var spans: [RowSpan]
}

/// A pane's content laid out for a width: rows, and where each entry starts.
public struct PaneDocument: Sendable {
    public var rows: [Row]
    /// First row of each entry.
    public var firstRow: [Int]
    /// Texts that rows were cut from (for highlighting).
    public var sources: [String]
    public var width: Int

    public var entryCount: Int { firstRow.count }

    /// The last row of an entry.
    public func lastRow(of entry: Int) -> Int {
        entry + 1 < firstRow.count ? firstRow[entry + 1] - 1 : rows.count - 1
    }

    /// The entry shown at a row (the next entry's when the row is a header).
    public func entry(atRow row: Int) -> Int? {
        guard !rows.isEmpty else { return nil }
        let row = min(max(row, 0), rows.count - 1)
        if let entry = rows[row].entry { return entry }
        return rows[row...].first(where: { $0.entry != nil })?.entry ?? rows[..<row].last(where: { $0.entry != nil })?.entry
    }
}

/// Lays out an episode's panes for given widths.
enum PaneLayout {
    /// Gutter of the transcript: a marker column, `HH:MM:SS`, two spaces.
    /// Absurd times (`99999:00:00`) widen it rather than run into the text.
    static func gutter(for episode: Episode) -> Int {
        let widest = episode.segments.reduce(8) { max($0, $1.start.formatted.count) }
        return 1 + min(widest, 12) + 2
    }

    static func document(_ pane: PaneKind, episode: Episode, width: Int) -> PaneDocument {
        switch pane {
        case .transcript: return transcript(episode, width: width)
        case .shownotes: return shownotes(episode, width: width)
        case .reading: return reading(episode, width: width)
        }
    }

    static func transcript(_ episode: Episode, width: Int) -> PaneDocument {
        var builder = DocumentBuilder(width: width)
        let gutter = gutter(for: episode)
        let textWidth = max(1, width - gutter)
        let chapterStarts = chapterHeadings(episode)
        var lastSpeaker: String?
        for (index, segment) in episode.segments.enumerated() {
            builder.startEntry()
            for title in chapterStarts[index] ?? [] {
                builder.addRow(entry: nil, [RowSpan(text: "── " + clean(title) + " ", role: .chapter, column: 1, source: nil, sourceOffset: 0)])
            }
            if let speaker = segment.speaker, speaker != lastSpeaker {
                builder.addRow(entry: nil, [RowSpan(text: clean(speaker), role: .speaker, column: gutter, source: nil, sourceOffset: 0)])
            }
            lastSpeaker = segment.speaker ?? lastSpeaker
            let source = builder.addSource(segment.text)
            let time = episode.hasTimes ? segment.start.formatted : String(repeating: " ", count: gutter - 3)
            for (number, line) in TextWrap.wrap(clean(segment.text), width: textWidth).enumerated() {
                var spans: [RowSpan] = []
                if number == 0 { spans.append(RowSpan(text: time, role: .timestamp, column: 1, source: nil, sourceOffset: 0)) }
                spans.append(RowSpan(text: line.text, role: .text, column: gutter, source: source, sourceOffset: line.sourceOffset))
                builder.addRow(entry: index, spans)
            }
        }
        return builder.document
    }

    /// The shownotes pane: the title, the description's paragraphs, then people.
    static func shownotes(_ episode: Episode, width: Int) -> PaneDocument {
        var builder = DocumentBuilder(width: width)
        let textWidth = max(1, width - 2)
        for (index, item) in episode.shownotesItems.enumerated() {
            builder.startEntry()
            if index > 0 { builder.addRow(entry: nil, []) }
            let source = builder.addSource(item)
            for line in TextWrap.wrap(clean(item), width: textWidth) {
                builder.addRow(entry: index, [RowSpan(text: line.text, role: index == 0 ? .title : .body, column: 1, source: source, sourceOffset: line.sourceOffset)])
            }
        }
        let labelWidth = 7
        for (number, person) in episode.people.enumerated() {
            builder.startEntry()
            if number == 0 { builder.addRow(entry: nil, []) }
            let entry = episode.shownotesItems.count + number
            let source = builder.addSource(person.searchText)
            let label = UIStrings.role(person.role)
            let nameLines = TextWrap.wrap(clean(person.name), width: max(1, textWidth - labelWidth))
            for (lineNumber, line) in nameLines.enumerated() {
                var spans: [RowSpan] = []
                if lineNumber == 0 { spans.append(RowSpan(text: label, role: .label, column: 1, source: nil, sourceOffset: 0)) }
                spans.append(RowSpan(text: line.text, role: .authors, column: 1 + labelWidth, source: source, sourceOffset: line.sourceOffset))
                builder.addRow(entry: entry, spans)
            }
            if let about = person.about {
                let aboutOffset = person.name.unicodeScalars.count + 3
                for line in TextWrap.wrap(clean(about), width: max(1, textWidth - labelWidth)) {
                    builder.addRow(entry: entry, [RowSpan(text: line.text, role: .detail, column: 1 + labelWidth, source: source,
                                                          sourceOffset: aboutOffset + line.sourceOffset)])
                }
            }
        }
        return builder.document
    }

    /// The reading pane: per item, authors, title, series, date, link.
    static func reading(_ episode: Episode, width: Int) -> PaneDocument {
        var builder = DocumentBuilder(width: width)
        let textWidth = max(1, width - 4)
        for (index, item) in episode.reading.enumerated() {
            builder.startEntry()
            if index > 0 { builder.addRow(entry: nil, []) }
            var first = true
            func add(_ text: String, role: RowRole) {
                let source = builder.addSource(text)
                for line in TextWrap.wrap(clean(text), width: textWidth) {
                    var spans: [RowSpan] = []
                    if first { spans.append(RowSpan(text: "▸", role: .label, column: 1, source: nil, sourceOffset: 0)) }
                    first = false
                    spans.append(RowSpan(text: line.text, role: role, column: 3, source: source, sourceOffset: line.sourceOffset))
                    builder.addRow(entry: index, spans)
                }
            }
            if !item.authors.isEmpty { add(item.authors.joined(separator: ", "), role: .authors) }
            add(item.title, role: .body)
            if let series = item.series { add(series, role: .detail) }
            if let date = item.date { add(date.readable, role: .detail) }
            if let url = item.url { add("↗ " + url, role: .link) }
        }
        return builder.document
    }

    /// Chapter titles to show above the segment each chapter starts at.
    private static func chapterHeadings(_ episode: Episode) -> [Int: [String]] {
        guard !episode.chapters.isEmpty, !episode.segments.isEmpty else { return [:] }
        let timeline = SegmentTimeline(segments: episode.segments)
        var headings: [Int: [String]] = [:]
        for chapter in episode.chapters {
            guard let index = timeline.segmentIndex(at: chapter.start) else { continue }
            headings[index, default: []].append(chapter.title)
        }
        return headings
    }

    private static func clean(_ text: String) -> String {
        InertText.clean(text)
    }
}

/// Accumulates rows and entries.
private struct DocumentBuilder {
    var document: PaneDocument

    init(width: Int) {
        document = PaneDocument(rows: [], firstRow: [], sources: [], width: width)
    }

    mutating func startEntry() {
        document.firstRow.append(document.rows.count)
    }

    mutating func addRow(entry: Int?, _ spans: [RowSpan]) {
        document.rows.append(Row(entry: entry, spans: spans))
    }

    mutating func addSource(_ text: String) -> Int {
        document.sources.append(text)
        return document.sources.count - 1
    }
}
