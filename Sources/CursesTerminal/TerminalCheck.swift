import CNcursesw

#if canImport(Glibc)
import Glibc
#endif

/// Whether podread can take over the terminal it was started in. This is the
/// one place that asks `isatty` and the terminal database.
public enum TerminalCheck {
    /// nil when the reader can run; otherwise a sentence saying why not.
    public static func problem() -> String? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            return "the reader needs a terminal; use `podread transcript`, `info` or `search` in scripts and pipes"
        }
        let name = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !name.isEmpty, name != "dumb" else {
            return "TERM is \(name.isEmpty ? "not set" : "\"dumb\""); the reader needs a full-screen terminal"
        }
        var status: Int32 = 0
        guard setupterm(name, STDOUT_FILENO, &status) == OK else {
            return "the terminal type \"\(name)\" is not in the terminal database"
        }
        return nil
    }
}
