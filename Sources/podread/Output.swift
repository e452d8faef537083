#if canImport(Glibc)
import Glibc
#endif

/// Where the commands write: results to standard output, problems as one
/// `podread: …` line on standard error.
enum Output {
    static func line(_ text: String) {
        print(text)
    }

    static func error(_ text: String) {
        // Written with one write(2) so the line never interleaves with others.
        progress("podread: " + text + "\n")
    }

    /// Text on standard error as it is, with no line end (progress notes).
    static func progress(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
