import EpisodeKit
import PodreadApp
import ReaderUI

/// Figures for the reader: start to first screen, and one search keystroke.
enum ReaderBench {
    struct Figure {
        var key: String
        var line: String
        var milliseconds: Double
    }

    static func run(sample: Episode, sampleBytes: [UInt8], archive: SyntheticArchive, archiveIndex: SearchIndex) -> [Figure] {
        var figures: [Figure] = []
        let longBytes = Array(TranscriptExporter.export(archive.longEpisode, as: .webVTT).utf8)
        for (name, key, bytes) in [("sample episode", "firstScreenSampleMs", sampleBytes), ("10-hour episode", "firstScreenLongMs", longBytes)] {
            var samples: [Double] = []
            for _ in 0..<7 {
                samples.append(Measure.seconds {
                    // As the app opens it: a long transcript is indexed after its first screen.
                    let episode = try! EpisodeReader.read(bytes: bytes, fallbackTitle: "bench")
                    let state = ReaderState(episode: episode, width: 120, height: 40,
                                            indexLater: episode.segments.count >= ReaderLaunch.backgroundIndexLines)
                    _ = render(state)
                } * 1000)
            }
            let median = Measure.percentile(samples, 0.5)
            if CommandLine.arguments.contains("--detail") {
                var episode: Episode!
                let parse = Measure.seconds { episode = try! EpisodeReader.read(bytes: bytes, fallbackTitle: "bench") } * 1000
                let index = Measure.seconds { _ = SearchIndex(episodes: [episode]) } * 1000
                var state: ReaderState!
                let layout = Measure.seconds { state = ReaderState(episode: episode, width: 120, height: 40) } * 1000 - index
                let draw = Measure.seconds { _ = render(state) } * 1000
                figures.append(Figure(key: key + "Detail", line: String(format: "  read %.1f ms, index %.1f ms, layout %.1f ms, render %.1f ms", parse, index, layout, draw), milliseconds: 0))
            }
            figures.append(Figure(key: key, line: "first screen, \(name) (\(bytes.count / 1024) KB read, indexed, laid out, drawn; from \(ReaderLaunch.backgroundIndexLines) lines on, indexed after): \(String(format: "%.1f", median)) ms", milliseconds: median))
        }

        // One keystroke of a search: `update` runs the query over the whole
        // archive's index, `render` draws the screen with its highlights.
        var state = ReaderState(episode: archive.episodes[0], index: archiveIndex, episodeNumber: 0, width: 120, height: 40)
        _ = update(&state, .key(.character("/")))
        var samples: [Double] = []
        for round in 0..<60 {
            let word = ["korea", "cyber", "sanct", "europe", "strat"][round % 5]
            for character in word {
                samples.append(Measure.seconds {
                    _ = update(&state, .key(.character(character)))
                    _ = render(state)
                } * 1000)
            }
            for _ in word {
                _ = update(&state, .key(.backspace))
            }
        }
        let p50 = Measure.percentile(samples, 0.5), p99 = Measure.percentile(samples, 0.99)
        figures.append(Figure(key: "keystrokeP50Ms", line: "search keystroke (update + render, 120×40, index of \(archiveIndex.episodes.count) episodes): p50 \(String(format: "%.2f", p50)) ms, p99 \(String(format: "%.2f", p99)) ms (frame: 16 ms)", milliseconds: p50))
        figures.append(Figure(key: "keystrokeP99Ms", line: "", milliseconds: p99))
        return figures.filter { !$0.line.isEmpty || $0.key == "keystrokeP99Ms" }
    }
}
