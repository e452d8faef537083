import EpisodeKit
import Foundation
import PodcastLibrary

/// The search index on the generated library's real vocabulary (tens of
/// thousands of distinct words, every transcript format): loading, building,
/// and each kind of query, p50 and p99 over at least 200 queries drawn from
/// the text, each answered with its count and first 50 hits.
enum RealisticSearchBench {
    static func run(library: Library) -> [RefreshBench.Figure] {
        var rows: [(LibraryEpisode, Podcast)] = []
        for podcast in (try? library.podcasts()) ?? [] {
            for row in (try? library.episodes(of: podcast)) ?? [] { rows.append((row, podcast)) }
        }
        let read = Locked([Episode?](repeating: nil, count: rows.count))
        let work = rows
        let loading = Measure.seconds {
            Concurrently.forEach(work.indices, width: ProcessInfo.processInfo.activeProcessorCount) { number in
                let episode = library.episode(work[number].0, of: work[number].1)
                read.withLock { $0[number] = episode }
            }
        }
        let episodes = read.withLock { $0.compactMap { $0 } }
        let bytes = episodes.reduce(0) { total, episode in total + episode.segments.reduce(0) { $0 + $1.text.utf8.count } }
        var index: SearchIndex!
        var build = Measure.seconds { index = SearchIndex(episodes: episodes) }
        // The best of three (or of `--builds N`): the machine is shared.
        let arguments = CommandLine.arguments
        let builds = arguments.firstIndex(of: "--builds").flatMap { $0 + 1 < arguments.endIndex ? Int(arguments[$0 + 1]) : nil } ?? 3
        var processor = Double.infinity
        for _ in 1..<max(1, builds) {
            let before = Measure.processorSeconds()
            build = min(build, Measure.seconds { _ = SearchIndex(episodes: episodes) })
            processor = min(processor, Measure.processorSeconds() - before)
        }
        if arguments.contains("--detail") { print("index build: processor time \(String(format: "%.3f", processor)) s (best of \(builds - 1))") }
        let megabytes = Double(bytes) / 1_000_000
        let vocabulary = index.termCount
        let naiveTexts = NaiveScan(episodes: episodes)
        let naiveBuild = Measure.seconds { _ = naiveTexts.naiveIndex() }

        // Queries drawn from the text, deterministically.
        var generator = BenchGenerator(seed: 17)
        let words = episodes.flatMap { $0.segments.prefix(3) }.flatMap { $0.text.split(separator: " ") }
            .map { $0.lowercased().filter(\.isLetter) }.filter { $0.count >= 5 }
        func pick() -> String { words[Int(generator.next() % UInt64(words.count))] }
        var kinds: [(String, [String])] = []
        kinds.append(("word", (0..<200).map { _ in pick() }))
        kinds.append(("prefix", (0..<200).map { _ in String(pick().prefix(4)) }))
        kinds.append(("phrase", (0..<200).map { _ in
            let segment = episodes[Int(generator.next() % UInt64(episodes.count))].segments.first?.text ?? "north korea"
            let parts = segment.split(separator: " ").prefix(2).map { $0.filter { $0.isLetter || $0 == "'" } }
            return "\"" + parts.joined(separator: " ") + "\""
        }))
        kinds.append(("fuzzy", (0..<200).map { _ in
            var word = Array(pick())
            let at = Int(generator.next() % UInt64(word.count))
            word[at] = word[at] == "e" ? "a" : "e"
            return String(word) + " "   // a trailing space: the whole word, not a prefix
        }))
        kinds.append(("number", (0..<200).map { number in ["2023", "twenty twenty-four", "2018", "twenty nineteen", "2025"][number % 5] }))

        var figures: [RefreshBench.Figure] = [
            RefreshBench.Figure(key: "realisticVocabulary", value: Double(vocabulary),
                                line: "generated library: \(episodes.count) episodes, \(String(format: "%.1f", megabytes)) MB of transcript text, \(vocabulary) distinct words"),
            RefreshBench.Figure(key: "realisticLoadingSeconds", value: loading,
                                line: "loading (bytes → episodes, \(ProcessInfo.processInfo.activeProcessorCount) cores): \(String(format: "%.2f", loading)) s"),
            RefreshBench.Figure(key: "realisticBuildMBPerSecond", value: megabytes / build,
                                line: "index build: \(String(format: "%.2f", build)) s = \(String(format: "%.1f", megabytes / build)) MB/s (\(vocabulary) distinct words, best of \(builds)); baseline, a dictionary of lowercased words on one core: \(String(format: "%.1f", megabytes / naiveBuild)) MB/s"),
            RefreshBench.Figure(key: "realisticIndexBytesPerTextByte", value: Double(index.approximateMemory) / Double(bytes),
                                line: "index memory: \(String(format: "%.2f", Double(index.approximateMemory) / Double(bytes))) bytes per byte of text (counted), of which the fuzzy lookup's table \(String(format: "%.3f", Double(index.fuzzyTableBytes) / Double(bytes)))"),
            RefreshBench.Figure(key: "", value: 0, line: "query    p50 (ms)  p99 (ms)  (\(vocabulary) distinct words)"),
        ]
        for (name, queries) in kinds {
            var times: [Double] = []
            for query in queries {
                times.append(Measure.seconds {
                    let results = index.search(SearchQuery(query))
                    _ = results.total
                    _ = results.locations(limit: 50)
                } * 1000)
            }
            times.sort()
            let p50 = times[times.count / 2], p99 = times[min(times.count - 1, Int(Double(times.count) * 0.99))]
            figures.append(RefreshBench.Figure(key: "realistic_\(name)_p99", value: p99,
                                               line: name.padding(toLength: 8, withPad: " ", startingAt: 0)
                                                   + " " + String(format: "%8.3f", p50) + "  " + String(format: "%8.3f", p99)))
            if CommandLine.arguments.contains("--detail") {
                // The same queries without fuzzy matching, and where the slowest ones spend their time.
                var plain: [Double] = []
                var slowest: [(Double, String)] = []
                for query in queries {
                    let whole = Measure.seconds { _ = index.search(SearchQuery(query)).locations(limit: 50) } * 1000
                    plain.append(Measure.seconds { _ = index.search(SearchQuery(query, exact: true)).locations(limit: 50) } * 1000)
                    slowest.append((whole, query))
                }
                plain.sort()
                slowest.sort { $0.0 > $1.0 }
                let worst = slowest.prefix(3).map { "\($0.1) \(String(format: "%.2f", $0.0)) ms (\(index.search(SearchQuery($0.1)).total) hits)" }
                figures.append(RefreshBench.Figure(key: "", value: 0, line: "  without fuzzy: p50 \(String(format: "%.3f", plain[plain.count / 2])) p99 \(String(format: "%.3f", plain[min(plain.count - 1, Int(Double(plain.count) * 0.99))])); slowest: \(worst.joined(separator: ", "))"))
            }
        }
        return figures
    }
}
