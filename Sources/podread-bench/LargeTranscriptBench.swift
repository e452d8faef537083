import EpisodeKit
import Foundation
import ReaderUI

/// A hostile size: one transcript of a million segments, as a WebVTT file,
/// opened as the reader opens it (read, laid out, first screen drawn, then
/// indexed for search); then a move to the end and one search keystroke.
enum LargeTranscriptBench {
    static func run(sample: Episode, segments count: Int) -> [ReaderBench.Figure] {
        var generator = BenchGenerator(seed: 7)
        let words = sample.segments.flatMap { $0.text.split(separator: " ").map(String.init) }
        var file = "WEBVTT\n\n"
        file.reserveCapacity(count * 90)
        for index in 0..<count {
            let start = TimeCode(milliseconds: index * 1000), end = TimeCode(milliseconds: index * 1000 + 900)
            let text = (0..<Int.random(in: 6...14, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            file += "\(start.webVTT) --> \(end.webVTT)\n<v Speaker \(index % 3)>\(text.joined(separator: " "))\n\n"
        }
        let bytes = Array(file.utf8)
        file = ""
        // Peak memory from here until the index is ready: the kernel's
        // high-water mark, reset now, against what the process holds now
        // (the file's bytes are counted as part of reading it).
        Measure.releaseFreedMemory()
        Measure.resetPeakResident()
        let before = Measure.residentBytes()

        // As the reader opens it: read, lay out and draw (the first screen),
        // while the index is built on a thread of its own (search ready).
        var episode: Episode!
        let read = Measure.seconds { episode = try! EpisodeReader.read(bytes: bytes, fallbackTitle: "large") } * 1000
        var state: ReaderState!
        let layout = Measure.seconds {
            state = ReaderState(episode: episode, width: 120, height: 40, indexLater: true)
        } * 1000
        let draw = Measure.seconds { _ = render(state) } * 1000
        var index: SearchIndex!
        let indexing = Measure.seconds { index = SearchIndex(episodes: [episode]) } * 1000
        _ = update(&state, .host(.indexReady(IndexHandle(index))))
        let peak = Measure.peakResidentBytes()
        let peakBytes = max(0, peak - before) + bytes.count
        let peakLine = peak > 0
            ? String(format: "; peak memory until the index is ready %.0f MB = %.1f× the file", Double(peakBytes) / 1_000_000, Double(peakBytes) / Double(bytes.count))
            : ""
        let end = Measure.seconds {
            _ = update(&state, .key(.character("G")))
            _ = render(state)
        } * 1000
        _ = update(&state, .key(.character("/")))
        let keystroke = Measure.seconds {
            _ = update(&state, .key(.character("k")))
            _ = render(state)
        } * 1000
        let firstScreen = read + layout + draw
        return [
            ReaderBench.Figure(key: "largeFirstScreenMs", line: "\(count.formatted())-segment transcript (\(bytes.count / 1_000_000) MB of WebVTT): first screen "
                               + String(format: "%.0f ms (read %.0f + layout %.0f + draw %.1f), search ready %.0f ms later (index); G %.1f ms, search keystroke %.1f ms",
                                        firstScreen, read, layout, draw, indexing, end, keystroke) + peakLine,
                               milliseconds: firstScreen),
            ReaderBench.Figure(key: "largePeakTimesFile", line: "", milliseconds: Double(peakBytes) / Double(bytes.count)),
            ReaderBench.Figure(key: "largeIndexMs", line: "", milliseconds: indexing),
            ReaderBench.Figure(key: "largeKeystrokeMs", line: "", milliseconds: keystroke),
        ]
    }
}

private extension TimeCode {
    var webVTT: String {
        let ms = milliseconds
        return String(format: "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }
}

private extension Int {
    func formatted() -> String {
        String(self).reversed().enumerated().reduce(into: "") { text, pair in
            if pair.offset > 0 && pair.offset % 3 == 0 { text.insert(",", at: text.startIndex) }
            text.insert(pair.element, at: text.startIndex)
        }
    }
}
