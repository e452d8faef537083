import Foundation
import Testing

/// Emoji sequences in a real terminal: written whole, and the rest of the
/// row stays at its grid columns whatever width the terminal gives them.
@Suite("Grapheme clusters in a terminal", .serialized)
struct GraphemeEndToEndTests {
    @Test("a ZWJ family and a microphone with its emoji selector keep the row aligned")
    func clusters() throws {
        let session = try TmuxSession(command: "sleep 60", width: 80, height: 12)
        let path = session.directory.appendingPathComponent("emoji.txt")
        try """
        00:00:01 Family 👩‍👩‍👧 then words after it END1
        00:00:05 Microphone 🎙️ then words after it END2
        00:00:09 Plain line END3

        """.write(to: path, atomically: true, encoding: .utf8)
        let podread = PodreadRunner.executable.path
        try session.tmux(["respawn-pane", "-k", "-t", "main", "-c", session.directory.path, "env", "LANG=C.UTF-8", "HOME=\(session.directory.path)",
                          "XDG_STATE_HOME=\(session.directory.path)/state", "sh", "-c", "\(podread) \(path.path); echo exited-$?; sleep 60"])
        let screen = session.wait { $0.contains("END1") && $0.contains("END2") && $0.contains("END3") }
        let lines = screen.split(separator: "\n").map(String.init)
        let family = try #require(lines.first { $0.contains("Family") })
        let microphone = try #require(lines.first { $0.contains("Microphone") })
        let plain = try #require(lines.first { $0.contains("Plain line") })
        // The words after each cluster start where the grid put them: the
        // same distance from the line's start as "Plain line"'s gutter gives.
        func column(of text: String, in line: String) -> Int? {
            guard let range = line.range(of: text) else { return nil }
            return line[..<range.lowerBound].unicodeScalars.filter { $0.value != 0x200D && $0.value != 0xFE0F }.count
        }
        #expect(column(of: "00:00:01", in: family) == column(of: "00:00:09", in: plain))
        // The family's first person is drawn (curses alone dropped the rest
        // of the sequence; tmux draws its own way), and the right border is
        // where it is on a plain row: nothing after the cluster was pushed.
        #expect(family.unicodeScalars.contains("\u{1F469}") && family.unicodeScalars.contains("\u{1F467}"))
        #expect(microphone.unicodeScalars.contains("\u{1F399}"))
        #expect(family.hasSuffix("│") && microphone.hasSuffix("│") && plain.hasSuffix("│"))
        #expect(family.contains("then words after it END1"))
        #expect(microphone.contains("then words after it END2"))
        try session.type("q")
        #expect(session.wait { $0.contains("exited-0") }.contains("exited-0"))
    }
}
