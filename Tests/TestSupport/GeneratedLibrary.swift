import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A library written by `../shared/bench/make-library.py` into a temporary
/// folder and served on 127.0.0.1, with the folders podread keeps its own
/// files in for this test.
public final class GeneratedLibrary {
    public let root: URL
    public let site: URL
    public let server: LocalHTTPServer
    public let environment: [String: String]
    public let manifest: [[String: Any]]

    /// The generator: `../shared/bench/make-library.py` beside the
    /// checkout, or the copy kept in `Tests/Tools/` when the checkout
    /// stands alone (a clone in a temporary folder).
    public static let script: URL = {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = checkout.deletingLastPathComponent().appendingPathComponent("shared/bench/make-library.py")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : checkout.appendingPathComponent("Tests/Tools/make-library.py")
    }()

    public init(podcasts: Int = 3, episodes: Int = 10) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("podread-library-\(UUID().uuidString)")
        site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        server = try LocalHTTPServer(folder: site)
        // posix_spawn, not Process: Process waits by running a run loop,
        // which is not safe on the test runner's threads.
        let status = try Spawn.run(["/usr/bin/env", "python3", Self.script.path, site.path, "--podcasts", "\(podcasts)",
                                    "--episodes", "\(episodes)", "--minutes", "3", "--base-url", server.base + "/"],
                                   output: "/dev/null", environment: ["PATH=/usr/bin:/bin:/usr/local/bin", "LANG=C.UTF-8"])
        guard status == 0 else {
            throw GeneratorFailure(message: "\(Self.script.path) failed (it needs Debian's wamerican-large, which .ci/setup installs)")
        }
        let data = try Data(contentsOf: site.appendingPathComponent("manifest.json"))
        manifest = ((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["episodes"] as? [[String: Any]]) ?? []
        environment = [
            "HOME": root.path, "XDG_DATA_HOME": root.appendingPathComponent("data").path,
            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "XDG_STATE_HOME": root.appendingPathComponent("state").path,
        ]
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }

    public var opml: URL { site.appendingPathComponent("library.opml") }

    public func feedURL(_ number: Int) -> String { server.base + "/feeds/show-\(String(format: "%02d", number)).xml" }

    public func episodes(ofFeed number: Int) -> Int {
        manifest.filter { ($0["feed"] as? String) == "feeds/show-\(String(format: "%02d", number)).xml" }.count
    }

    public struct GeneratorFailure: Error { public var message: String }
}
