import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The desktop's clipboard programs (`wl-copy`, `xclip`, `xsel`, `pbcopy`),
/// used besides the OSC 52 escape when one is installed and a display is
/// there. Started without a shell, the text on standard input; podread waits
/// for them at most a moment.
public enum ClipboardTools {
    /// The first usable tool and its arguments, or nil.
    public static func available(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String]? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        func find(_ name: String) -> String? {
            path.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if environment["WAYLAND_DISPLAY"] != nil, let tool = find("wl-copy") { return [tool] }
        if environment["DISPLAY"] != nil {
            if let tool = find("xclip") { return [tool, "-selection", "clipboard"] }
            if let tool = find("xsel") { return [tool, "-b", "-i"] }
        }
        if let tool = find("pbcopy") { return [tool] }
        return nil
    }

    /// Gives `text` to the tool; true when it took it within half a second.
    @discardableResult
    public static func copy(_ text: String, with command: [String]) -> Bool {
        var input: [Int32] = [0, 0]
        guard pipe(&input) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_addclose(&actions, input[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        close(input[0])
        guard started == 0 else {
            close(input[1])
            return false
        }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
        close(input[1])
        // Reap it in the background so the reader never waits long.
        let finished = DispatchSemaphore(value: 0)
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            finished.signal()
        }
        return finished.wait(timeout: .now() + 0.5) == .success
    }
}
