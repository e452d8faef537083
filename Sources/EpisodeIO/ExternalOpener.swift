import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens links with the desktop's opener (`xdg-open`), started without a
/// shell and never waited for, so the reader never blocks.
public enum ExternalOpener {
    /// The opener's path, or nil when there is none (a server over SSH).
    public static func opener(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil else { return nil }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/xdg-open"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Starts `opener url` detached from the terminal; returns false when it could not start.
    public static func open(_ url: String, with opener: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return true
        } catch {
            return false
        }
    }
}
