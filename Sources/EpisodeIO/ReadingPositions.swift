import EpisodeKit
import Foundation

/// Where each episode was left, so it reopens there. Kept in
/// `$XDG_STATE_HOME/podread/positions.json` (default
/// `~/.local/state/podread/`), private to the user.
public struct ReadingPositions {
    public let file: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        file = XDGDirectory.state.podreadFolder(environment: environment).appendingPathComponent("positions.json")
    }

    /// The saved positions, or an empty table and a message when the file is damaged.
    public func load() -> (positions: [String: Double], problem: String?) {
        guard let data = try? Data(contentsOf: file) else { return ([:], nil) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let positions = object["positions"] as? [String: Any] else {
            return ([:], "\(file.path): damaged, ignored (positions start afresh)")
        }
        return (positions.compactMapValues { ($0 as? NSNumber)?.doubleValue }, nil)
    }

    public func position(for key: String) -> (time: TimeCode?, problem: String?) {
        let loaded = load()
        return (loaded.positions[key].map { TimeCode(seconds: $0) }, loaded.problem)
    }

    /// Saves one episode's position (written to a temporary file, then renamed into place).
    public func save(_ time: TimeCode, for key: String) throws {
        var positions = load().positions
        positions[key] = time.seconds
        let directory = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let document: [String: Any] = ["version": 1, "positions": positions]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        try data.write(to: file, options: .atomic)
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }

    /// The key an episode is remembered by: its absolute path or URL, and
    /// for an episode of a feed the episode's identity after it (`#guid:…`),
    /// so each episode of a feed keeps its own place.
    public static func key(for source: String, isBundledSample: Bool, identity: String? = nil) -> String {
        if isBundledSample { return "sample" }
        let place: String
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            place = source
        } else {
            place = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return identity.map { place + "#" + $0 } ?? place
    }
}
