import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real terminal for end-to-end tests: a private tmux server running one
/// command at a fixed size. Keys go in with `send-keys`, the screen comes
/// out with `capture-pane`.
final class TmuxSession {
    let socket = "podread-test-\(UUID().uuidString.prefix(8))"
    let directory: URL

    init(command: String, width: Int = 100, height: Int = 30) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "-c", directory.path,
                  "env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(directory.path)", "XDG_STATE_HOME=\(directory.path)/state",
                  "XDG_DATA_HOME=\(directory.path)/data", "XDG_CONFIG_HOME=\(directory.path)/config",
                  "sh", "-c", command])
        try tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        // Output goes to a file, not a pipe: the tmux server that the first
        // call starts would inherit a pipe and keep it open forever.
        let outputFile = directory.appendingPathComponent("tmux-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        _ = try Spawn.run(["/usr/bin/env", "tmux", "-L", socket] + arguments, output: outputFile.path,
                          environment: ["PATH=/usr/bin:/bin:/usr/local/bin", "TERM=xterm-256color", "LANG=C.UTF-8"])
        return String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self)
    }

    /// Types keys: literal text, or tmux key names such as `Enter`, `Escape`, `C-d`.
    func send(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", "main", key]) }
    }

    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", text])
    }

    /// Types a line and presses Enter.
    func typeLine(_ text: String) throws {
        try type(text)
        try send("Enter")
    }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", "main"])) ?? "" }
    var lines: [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// Waits (at most `seconds`) until the screen satisfies `condition`; returns the last screen.
    @discardableResult
    func wait(seconds: Double = 20, until condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = screen
        while !condition(last) && Date() < deadline {
            usleep(50_000)
            last = screen
        }
        return last
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The line holding the current-line marker.
    var currentLine: String? { lines.first { $0.contains("▌") && $0.contains(":") } }

    var isDead: Bool { ((try? tmux(["display-message", "-p", "-t", "main", "#{pane_dead}"])) ?? "").hasPrefix("1") }
}
