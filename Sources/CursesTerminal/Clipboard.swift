import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Copies text with the OSC 52 escape sequence, which terminal emulators
/// (and tmux with `set-clipboard on`) put on the clipboard; it works over
/// SSH too. The text is base64-encoded inside the sequence, so nothing in
/// it can act as a terminal command.
public enum Clipboard {
    /// The escape sequence that copies `text`.
    public static func sequence(for text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// Writes the sequence to the terminal on standard output (the reader's).
    public static func copy(_ text: String) {
        send(sequence(for: text), to: STDOUT_FILENO)
    }

    /// Writes the sequence to the controlling terminal, whatever standard
    /// output is (the command line's `--copy`, whose output may be a pipe).
    /// Returns false when there is no terminal.
    @discardableResult
    public static func copyToControllingTerminal(_ text: String) -> Bool {
        let descriptor = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        send(sequence(for: text), to: descriptor)
        return true
    }

    private static func send(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            written += count
        }
    }
}
