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

/// A pane's content laid out for a width: how many rows, where each entry
/// starts, and the rows themselves.
///
/// The transcript's rows are made when they are asked for: opening an episode
/// counts the rows of every line, and only what is on screen is built, so a
/// transcript of a million lines opens and resizes without building millions
/// of rows. The shownotes and reading panes are small and kept whole.
public struct PaneDocument: Sendable {
    /// First row of each entry.
    public let firstRow: [Int]
    public let rowCount: Int
    public let width: Int
    private let content: Content

    private enum Content: Sendable {
        case built(rows: [Row], sources: [String])
        case transcript(TranscriptRows)
    }

    init(rows: [Row], firstRow: [Int], sources: [String], width: Int) {
        self.firstRow = firstRow
        self.rowCount = rows.count
        self.width = width
        content = .built(rows: rows, sources: sources)
    }

    init(transcript: TranscriptRows) {
        firstRow = transcript.firstRow
        rowCount = transcript.rowCount
        width = transcript.width
        content = .transcript(transcript)
    }

    /// A document with nothing in it, before the first layout.
    static let empty = PaneDocument(rows: [], firstRow: [], sources: [], width: -1)

    public var entryCount: Int { firstRow.count }
    public var isEmpty: Bool { rowCount == 0 }

    /// The rows in a range (clamped to the document).
    public func rows(_ range: Range<Int>) -> [Row] {
        let range = range.clamped(to: 0..<rowCount)
        switch content {
        case .built(let rows, _): return Array(rows[range])
        case .transcript(let transcript): return transcript.rows(range)
        }
    }

    public func row(_ index: Int) -> Row? {
        rows(index..<(index + 1)).first
    }

    /// The text a row's span was cut from (for highlighting).
    public func source(_ index: Int) -> String {
        switch content {
        case .built(_, let sources): return sources[index]
        case .transcript(let transcript): return transcript.segments.text(at: index)
        }
    }

    /// The last row of an entry.
    public func lastRow(of entry: Int) -> Int {
        entry + 1 < firstRow.count ? firstRow[entry + 1] - 1 : rowCount - 1
    }

    /// The entry a row belongs to (a heading above a line belongs to that line).
    public func entry(atRow row: Int) -> Int? {
        guard rowCount > 0, !firstRow.isEmpty else { return nil }
        return Self.entry(containing: min(max(row, 0), rowCount - 1), firstRow: firstRow)
    }

    /// The last entry starting at or before `row` (binary search).
    static func entry(containing row: Int, firstRow: [Int]) -> Int {
        var low = 0, high = firstRow.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if firstRow[middle] <= row { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// Lays out an episode's panes for given widths.
enum PaneLayout {
    /// Gutter of the transcript: a marker column, `HH:MM:SS`, two spaces.
    /// Absurd times (`99999:00:00`) widen it rather than run into the text.
    static func gutter(for episode: Episode) -> Int {
        // The latest start (or a negative earliest) is the widest: formatting
        // each of a million starts would cost more than the rest of the layout.
        let (earliest, latest) = episode.segments.startRange
        return 1 + min(max(8, latest.formatted.count, earliest.formatted.count), 12) + 2
    }

    /// A pane's document for a content width. Text runs at most `measure`
    /// columns (0: the whole width), so lines stay readable on very wide
    /// terminals; `chapterHeadings` is off when the lines are the chapters.
    static func document(_ pane: PaneKind, episode: Episode, timeline: SegmentTimeline, width: Int,
                         measure: Int = 0, chapterHeadings: Bool = true) -> PaneDocument {
        switch pane {
        case .transcript: return transcript(episode, timeline: timeline, width: width, measure: measure, headings: chapterHeadings)
        case .shownotes: return shownotes(episode, width: width, measure: measure)
        case .reading: return reading(episode, width: width, measure: measure)
        }
    }

    static func transcript(_ episode: Episode, timeline: SegmentTimeline, width: Int, measure: Int = 0,
                           headings: Bool = true) -> PaneDocument {
        let gutter = gutter(for: episode)
        let textWidth = measure > 0 ? min(width - gutter, measure) : width - gutter
        return PaneDocument(transcript: TranscriptRows(episode: episode, width: width, textWidth: textWidth, gutter: gutter,
                                                       chapterHeadings: headings ? chapterHeadings(episode, timeline: timeline) : [:]))
    }

    static func textWidth(_ width: Int, margin: Int, measure: Int) -> Int {
        max(1, measure > 0 ? min(width - margin, measure) : width - margin)
    }

    /// The shownotes pane: the title, the description's paragraphs, then people.
    static func shownotes(_ episode: Episode, width: Int, measure: Int = 0) -> PaneDocument {
        var builder = DocumentBuilder(width: width)
        let textWidth = textWidth(width, margin: 2, measure: measure)
        for (index, item) in episode.shownotesItems.enumerated() {
            builder.startEntry()
            if index > 0 { builder.addRow(entry: nil, []) }
            let source = builder.addSource(item)
            for line in TextWrap.wrapKeepingLines(InertText.clean(item, keepingLineBreaks: true), width: textWidth) {
                builder.addRow(entry: index, [RowSpan(text: line.text, role: index == 0 ? .title : .body, column: 1, source: source, sourceOffset: line.sourceOffset)])
            }
        }
        // Room for the longest role (`Cover art designer`), within reason.
        let labelWidth = min(max(7, (episode.people.map { DisplayWidth.of(InertText.clean($0.roleLabel)) }.max() ?? 0) + 2), max(7, width / 3))
        for (number, person) in episode.people.enumerated() {
            builder.startEntry()
            if number == 0 { builder.addRow(entry: nil, []) }
            let entry = episode.shownotesItems.count + number
            let source = builder.addSource(person.searchText)
            let label = Painter.truncated(InertText.clean(person.roleLabel), to: labelWidth - 1)
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
            if let link = person.link {
                for line in TextWrap.wrap(clean("↗ " + link), width: max(1, textWidth - labelWidth)) {
                    builder.addRow(entry: entry, [RowSpan(text: line.text, role: .link, column: 1 + labelWidth, source: nil, sourceOffset: 0)])
                }
            }
        }
        return builder.document
    }

    /// The reading pane: per item, authors, title, series, date, link.
    static func reading(_ episode: Episode, width: Int, measure: Int = 0) -> PaneDocument {
        var builder = DocumentBuilder(width: width)
        let textWidth = textWidth(width, margin: 4, measure: measure)
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
            // Glued to its arrow, a long address is cut at the pane's edge rather than left alone on its row.
            if let url = item.url { add("↗\u{00A0}" + url, role: .link) }
        }
        return builder.document
    }

    /// Chapter titles to show above the segment each chapter starts at.
    /// (The reader's own timeline: sorting a million starts again on every
    /// resize would cost more than the layout.)
    static func chapterHeadings(_ episode: Episode, timeline: SegmentTimeline) -> [Int: [String]] {
        guard !episode.chapters.isEmpty, !episode.segments.isEmpty else { return [:] }
        var headings: [Int: [String]] = [:]
        for chapter in episode.chapters {
            guard let index = timeline.segmentIndex(at: chapter.start) else { continue }
            headings[index, default: []].append(chapter.title)
        }
        return headings
    }

    static func clean(_ text: String) -> String {
        InertText.clean(text)
    }
}

/// Accumulates rows and entries.
private struct DocumentBuilder {
    let width: Int
    var rows: [Row] = []
    var firstRow: [Int] = []
    var sources: [String] = []

    init(width: Int) { self.width = width }

    var document: PaneDocument {
        PaneDocument(rows: rows, firstRow: firstRow, sources: sources, width: width)
    }

    mutating func startEntry() {
        firstRow.append(rows.count)
    }

    mutating func addRow(entry: Int?, _ spans: [RowSpan]) {
        rows.append(Row(entry: entry, spans: spans))
    }

    mutating func addSource(_ text: String) -> Int {
        sources.append(text)
        return sources.count - 1
    }
}
