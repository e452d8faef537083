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

    /// Writes the sequence to the terminal.
    public static func copy(_ text: String) {
        let bytes = Array(sequence(for: text).utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            written += count
        }
    }
}
