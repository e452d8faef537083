import EpisodeIO
import EpisodeKit
import Foundation
import PodcastLibrary

/// The library's refresh on a generated library served on 127.0.0.1: from
/// an empty cache, then again with nothing changed (every feed a 304), and
/// as a baseline in the same run, every file fetched one after another
/// with no conditions.
enum RefreshBench {
    struct Figure {
        var key: String
        var value: Double
        var line: String
    }

    /// `realisticOnly`: the library is fetched, then only its index is
    /// measured (the realistic search figures), for quick rounds of work on
    /// the index.
    static func run(library existing: String?, realisticOnly: Bool = false) -> [Figure] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("podread-refresh-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site: URL
        if let existing {
            site = URL(fileURLWithPath: existing)
        } else {
            site = scratch.appendingPathComponent("site")
            guard generate(into: site) else {
                return [Figure(key: "refreshSkipped", value: 0,
                               line: "refresh: skipped, the generator (../shared/bench/make-library.py) or Debian's wamerican-large is missing")]
            }
        }
        guard let server = Server(folder: site) else {
            return [Figure(key: "refreshSkipped", value: 0, line: "refresh: skipped, python3 could not serve the library")]
        }
        defer { server.stop() }
        let feeds = ((try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("feeds").path)) ?? [])
            .filter { $0.hasSuffix(".xml") }.sorted().map { "\(server.base)/feeds/\($0)" }
        let environment = ["HOME": scratch.path, "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
                           "XDG_CACHE_HOME": scratch.appendingPathComponent("cache").path,
                           "XDG_STATE_HOME": scratch.appendingPathComponent("state").path]
        guard let library = try? Library(environment: environment) else { return [] }
        for feed in feeds { _ = try? library.subscribe(feedURL: feed, title: nil) }
        let podcasts = (try? library.podcasts()) ?? []
        let refresher = Refresher(library: library)

        var before = server.requestCount
        var reports: [RefreshReport] = []
        let cold = Measure.seconds { reports = refresher.refresh(podcasts) }
        let coldRequests = server.requestCount - before
        let episodes = reports.reduce(0) { $0 + $1.episodes }
        let transcripts = reports.reduce(0) { $0 + $1.transcriptsFetched }

        before = server.requestCount
        let warm = Measure.seconds { reports = refresher.refresh((try? library.podcasts()) ?? []) }
        if realisticOnly { return RealisticSearchBench.run(library: library) }
        let warmRequests = server.requestCount - before
        let unchanged = reports.filter(\.unchanged).count

        // Baseline: the same files, one request after another, no conditions.
        var files = feeds
        for podcast in (try? library.podcasts()) ?? [] {
            for episode in (try? library.episodes(of: podcast)) ?? [] {
                files += [episode.transcriptURL, episode.chaptersURL].compactMap { $0 }
            }
        }
        let fetcher = HTTPFetcher()
        let sequential = Measure.seconds {
            for file in files { _ = try? fetcher.fetch(URL(string: file)!) }
        }
        let searchFigures = ColdSearchBench.run(library: library, environment: environment, site: site)
            + RealisticSearchBench.run(library: library) + LibrarySearchBench.run(library: library)
        return [
            Figure(key: "refreshColdSeconds", value: cold,
                   line: "refresh, empty cache: \(feeds.count) feeds, \(episodes) episodes, \(transcripts) transcripts in \(String(format: "%.2f", cold)) s, \(coldRequests) requests"),
            Figure(key: "refreshColdRequests", value: Double(coldRequests), line: ""),
            Figure(key: "refreshUnchangedSeconds", value: warm,
                   line: "refresh, nothing changed: \(String(format: "%.3f", warm)) s, \(warmRequests) requests (\(unchanged) of \(feeds.count) feeds answered 304)"),
            Figure(key: "refreshUnchangedRequests", value: Double(warmRequests), line: ""),
            Figure(key: "refreshSequentialBaselineSeconds", value: sequential,
                   line: "baseline, the same \(files.count) files fetched one after another (no parsing, no storing): \(String(format: "%.2f", sequential)) s; the refresh took \(String(format: "%.2f", cold / max(sequential, 0.001)))× that, and with nothing changed \(String(format: "%.3f", warm / max(sequential, 0.001)))× that"),
        ] + searchFigures
    }

    /// `make-library.py` with its defaults (10 podcasts × 100 episodes).
    static func generate(into folder: URL) -> Bool {
        // ../shared/bench beside the checkout, else the copy the tests keep.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = checkout.deletingLastPathComponent().appendingPathComponent("shared/bench/make-library.py")
        let script = FileManager.default.fileExists(atPath: shared.path) ? shared : checkout.appendingPathComponent("Tests/Tools/make-library.py")
        guard FileManager.default.fileExists(atPath: script.path) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Python's file server on a free port of 127.0.0.1 (it answers
    /// `If-Modified-Since` with 304); its log counts the requests.
    final class Server {
        let process = Process()
        let log: URL
        let base: String

        init?(folder: URL) {
            log = FileManager.default.temporaryDirectory.appendingPathComponent("podread-bench-server-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            guard let handle = try? FileHandle(forWritingTo: log) else { return nil }
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-u", "-c", """
                import functools, http.server, sys
                handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
                server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
                print(server.server_address[1], flush=True)
                server.serve_forever()
                """, folder.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = handle
            guard (try? process.run()) != nil else { return nil }
            let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
            base = "http://127.0.0.1:\(port)"
            setenv("no_proxy", "127.0.0.1,localhost", 1)
        }

        var requestCount: Int {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return text.components(separatedBy: "\"GET ").count - 1
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: log)
        }
    }
}
