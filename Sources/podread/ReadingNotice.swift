import EpisodeKit
#if canImport(Glibc)
import Glibc
#endif

/// "reading talk.vtt (106 MB)…" on the terminal while a large file is read,
/// before the reader takes the screen; cleared once it is read, so nothing
/// is left behind on the screen podread returns to.
struct ReadingNotice {
    /// Files at least this large get the notice (smaller ones read in well under a second).
    static let size = 20_000_000
    private let shown: Bool

    init(path: String?) {
        var info = stat()
        guard let path, isatty(STDERR_FILENO) == 1, stat(path, &info) == 0, Int(info.st_size) >= Self.size else {
            shown = false
            return
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        Output.progress("podread: reading \(InertText.clean(name)) (\(Int(info.st_size) / 1_000_000) MB)…")
        shown = true
    }

    func clear() {
        if shown { Output.progress("\r\u{1B}[K") }
    }

    /// Runs `read` with the notice shown for a large file, and cleared after,
    /// whether the read succeeds or not.
    static func `while`<T>(reading path: String?, _ read: () throws -> T) rethrows -> T {
        let notice = ReadingNotice(path: path)
        defer { notice.clear() }
        return try read()
    }
}
