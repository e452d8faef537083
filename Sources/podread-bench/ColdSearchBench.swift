import EpisodeKit
import Foundation
import PodcastLibrary

/// The library's index on disk: making it from nothing (MB/s of text and
/// its size per byte of text), then `podread search` as a new process
/// against `rg -c -i` over the library's files, side by side in one run.
enum ColdSearchBench {
    static func run(library: Library, environment: [String: String], site: URL) -> [RefreshBench.Figure] {
        let store = SearchStore(library: library)
        store.erase()
        var snapshot: LibrarySnapshot?
        let build = Measure.seconds { snapshot = try? store.update() }
        guard let snapshot else { return [] }
        let textMB = Double(snapshot.textBytes) / 1_000_000
        let files = (try? FileManager.default.contentsOfDirectory(atPath: store.folder.path)) ?? []
        let onDisk = files.filter { $0.hasPrefix("segment-") }.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: store.folder.appendingPathComponent(name).path)[.size] as? Int) ?? 0)
        }
        let postings = snapshot.segments.reduce(0) { $0 + $1.postingCount }
        let vocabulary = snapshot.termCount
        var figures = [
            RefreshBench.Figure(key: "indexOnDiskSeconds", value: build,
                                line: "search index on disk, from nothing: \(snapshot.directory.count) episodes, \(String(format: "%.1f", textMB)) MB of text (\(vocabulary) distinct words) in \(String(format: "%.2f", build)) s = \(String(format: "%.1f", textMB / build)) MB/s (files read and parsed, on every core)"),
            RefreshBench.Figure(key: "indexBytesPerTextByte", value: Double(onDisk) / Double(max(snapshot.textBytes, 1)),
                                line: "  its size: \(String(format: "%.1f", Double(onDisk) / 1_000_000)) MB = \(String(format: "%.2f", Double(onDisk) / Double(max(snapshot.textBytes, 1)))) bytes per byte of text (the text itself 1.00, postings \(String(format: "%.2f", Double(postings * 8) / Double(max(snapshot.textBytes, 1)))))"),
        ]

        // The podread built beside this benchmark, and rg.
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let podread = folder.appendingPathComponent("podread").path
        guard FileManager.default.isExecutableFile(atPath: podread) else {
            figures.append(RefreshBench.Figure(key: "", value: 0, line: "cold search: skipped, no podread beside the benchmark (swift build -c release)"))
            return figures
        }
        let rg = ["/usr/bin/rg", "/usr/local/bin/rg"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let queries = pickQueries(snapshot)
        var processEnvironment = environment
        processEnvironment["PATH"] = "/usr/bin:/bin"
        let startup = median(runs: 20) { spawn([podread, "--version"], environment: processEnvironment) }
        figures.append(RefreshBench.Figure(key: "startupMilliseconds", value: startup * 1000,
                                           line: "podread --version (start-up alone): \(String(format: "%.1f", startup * 1000)) ms"
                                               + (rg.map { tool in "; rg --version: \(String(format: "%.1f", median(runs: 20) { spawn([tool, "--version"], environment: processEnvironment) } * 1000)) ms" } ?? "")))
        figures.append(RefreshBench.Figure(key: "", value: 0, line: "cold search, a new process each time (median of 15; podread: index on disk, count and first 50 hits as JSON; rg -c -i over the \(String(format: "%.0f", folderMB(site))) MB of the library's files):"))
        for (kind, query, pattern) in queries {
            _ = spawn([podread, "search", "--json", "--limit", "50", query], environment: processEnvironment)
            let ours = median(runs: 15) { spawn([podread, "search", "--json", "--limit", "50", query], environment: processEnvironment) }
            var line = "  \(kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(query.padding(toLength: 24, withPad: " ", startingAt: 0)) podread \(String(format: "%6.1f", ours * 1000)) ms"
            if let rg {
                let theirs = median(runs: 15) { spawn([rg, "-c", "-i", pattern, site.path], environment: processEnvironment) }
                line += "   rg \(String(format: "%6.1f", theirs * 1000)) ms   ratio \(String(format: "%.2f", ours / theirs))"
            }
            figures.append(RefreshBench.Figure(key: "coldSearch-\(kind)", value: ours * 1000, line: line))
        }
        return figures
    }

    /// A word of the library (the most frequent of 6 letters or more, the
    /// hardest), its prefix, a phrase with it, it misspelled, and a spoken number.
    static func pickQueries(_ snapshot: LibrarySnapshot) -> [(String, String, String)] {
        guard let index = snapshot.segments.first else { return [] }
        var best = (word: "korea", count: 0)
        var number = "2024"
        var numberCount = 0
        for id in 0..<index.termCount {
            let term = index.term(Int32(id))
            let count = index.postingCount(ofTerm: Int32(id))
            if term.count >= 6, term.allSatisfy({ $0.isLetter && $0.isASCII }), count > best.count { best = (term, count) }
            if term.count == 4, term.allSatisfy(\.isNumber), count > numberCount { number = term; numberCount = count }
        }
        let word = best.word
        var letters = Array(word)
        letters.swapAt(2, 3)
        let misspelt = String(letters)
        let phrase = index.phrase(containing: word) ?? "\(word) \(word)"
        return [("word", word, word), ("prefix", String(word.prefix(4)), String(word.prefix(4))), ("phrase", "\"\(phrase)\"", phrase),
                ("misspelling", misspelt, misspelt), ("number", number, number)]
    }

    static func median(runs: Int, _ body: () -> Double) -> Double {
        Measure.percentile((0..<runs).map { _ in body() }, 0.5)
    }

    /// Seconds from starting a program to its end, its output thrown away.
    /// (posix_spawn and waitpid: Foundation's Process notices an exit only
    /// at its run loop's next turn, some 50 ms late.)
    static func spawn(_ arguments: [String], environment: [String: String]) -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = Measure.now()
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return 0 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Double(Measure.now() - start) / 1e9
    }

    static func folderMB(_ folder: URL) -> Double {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        var total = 0
        while let file = enumerator?.nextObject() as? URL {
            total += (try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return Double(total) / 1_000_000
    }
}
