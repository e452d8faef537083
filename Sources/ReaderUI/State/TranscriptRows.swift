import Dispatch
import EpisodeKit
import Foundation
import Synchronization

/// A buffer that workers fill at once, each its own part.
private struct CountsBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Int32>
}

/// The transcript pane's rows for one width, built on demand.
///
/// Opening counts each line's rows (a chapter heading, the speaker when it
/// changes, the wrapped text); `rows(_:)` builds just the rows asked for,
/// which is what is on screen. A line longer than a screen keeps its rows in
/// a small cache, so scrolling through a huge line does not wrap it again for
/// every frame.
final class TranscriptRows: Sendable {
    let segments: Transcript
    let width: Int
    /// Columns for the words, right of the gutter.
    let textWidth: Int
    let firstRow: [Int]
    let rowCount: Int
    private let gutter: Int
    private let hasTimes: Bool
    private let chapterHeadings: [Int: [String]]
    /// Whether a line shows its speaker above it (the speaker changed).
    private let showsSpeaker: [Bool]
    private let cache = Mutex<(entry: Int, rows: [Row])?>(nil)

    init(episode: Episode, width: Int, textWidth: Int? = nil, gutter: Int, chapterHeadings: [Int: [String]]) {
        segments = episode.segments
        self.width = width
        let textWidth = max(1, textWidth ?? (width - gutter))
        self.textWidth = textWidth
        self.gutter = gutter
        hasTimes = episode.hasTimes
        self.chapterHeadings = chapterHeadings
        let wrapped = Self.wrappedLineCounts(segments, width: textWidth)
        var firstRow: [Int] = []
        var showsSpeaker: [Bool] = []
        firstRow.reserveCapacity(segments.count)
        showsSpeaker.reserveCapacity(segments.count)
        var row = 0
        let headings = !chapterHeadings.isEmpty
        for index in segments.indices {
            firstRow.append(row)
            // A line without a speaker ends the turn: the next label shows again.
            let speakerRow = segments.speakerChanges(at: index)
            showsSpeaker.append(speakerRow)
            row += (headings ? chapterHeadings[index]?.count ?? 0 : 0) + (speakerRow ? 1 : 0) + Int(wrapped[index])
        }
        rowCount = row
        self.firstRow = firstRow
        self.showsSpeaker = showsSpeaker
    }

    /// How many rows each line's text wraps to, counted on all cores for a
    /// transcript of 2,000 lines or more; plain ASCII lines straight from their bytes.
    static func wrappedLineCounts(_ segments: Transcript, width: Int) -> [Int32] {
        var counts = [Int32](repeating: 0, count: segments.count)
        let parts = segments.count >= 2_000 ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        counts.withUnsafeMutableBufferPointer { buffer in
            let target = CountsBuffer(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = (segments.count * part / parts)..<(segments.count * (part + 1) / parts)
                for index in range {
                    let count = segments.withTextBytes(at: index) { TextWrap.lineCount(printableASCII: $0, width: width) }
                        ?? TextWrap.lineCount(PaneLayout.clean(segments.text(at: index)), width: width)
                    target.buffer[index] = Int32(clamping: count)
                }
            }
        }
        return counts
    }

    /// The rows in a range, each line laid out once.
    func rows(_ range: Range<Int>) -> [Row] {
        guard !range.isEmpty, !segments.isEmpty else { return [] }
        var result: [Row] = []
        result.reserveCapacity(range.count)
        var entry = PaneDocument.entry(containing: range.lowerBound, firstRow: firstRow)
        while entry < segments.count, firstRow[entry] < range.upperBound {
            let rows = self.rows(of: entry)
            let start = max(range.lowerBound - firstRow[entry], 0)
            let end = min(range.upperBound - firstRow[entry], rows.count)
            if start < end { result += rows[start..<end] }
            entry += 1
        }
        return result
    }

    /// One line's rows: its chapter headings, its speaker, its wrapped text.
    private func rows(of index: Int) -> [Row] {
        if let cached = cache.withLock({ $0 }), cached.entry == index { return cached.rows }
        let segment = segments[index]
        var rows: [Row] = []
        for title in chapterHeadings[index] ?? [] {
            rows.append(Row(entry: nil, spans: [RowSpan(text: "── " + PaneLayout.clean(title) + " ", role: .chapter, column: 1, source: nil, sourceOffset: 0)]))
        }
        if showsSpeaker[index], let speaker = segment.speaker {
            rows.append(Row(entry: nil, spans: [RowSpan(text: PaneLayout.clean(speaker), role: .speaker, column: gutter, source: nil, sourceOffset: 0)]))
        }
        let time = hasTimes ? segment.start.formatted : String(repeating: " ", count: gutter - 3)
        for (number, line) in TextWrap.wrap(PaneLayout.clean(segment.text), width: textWidth).enumerated() {
            var spans: [RowSpan] = []
            if number == 0 { spans.append(RowSpan(text: time, role: .timestamp, column: 1, source: nil, sourceOffset: 0)) }
            spans.append(RowSpan(text: line.text, role: .text, column: gutter, source: index, sourceOffset: line.sourceOffset))
            rows.append(Row(entry: index, spans: spans))
        }
        if rows.count > 64 { cache.withLock { $0 = (index, rows) } }
        return rows
    }
}
