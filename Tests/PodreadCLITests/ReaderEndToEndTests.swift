import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The real `podread` in a real terminal (tmux), used as a person uses it.
@Suite("The reader in a terminal", .serialized)
struct ReaderEndToEndTests {
    let podread = PodreadRunner.executable.path

    @Test("first screen, search, n, jump to a time, resize, quit")
    func session() throws {
        let session = try TmuxSession(command: "\(podread); stty -a > stty.txt; echo podread-exited-$?; sleep 60", width: 100, height: 30)
        let first = session.wait { $0.contains("00:00:01") && $0.contains("Recommended reading") }
        #expect(first.contains("Overlooked and underestimated"))
        #expect(first.contains("▌00:00:01  North Korea's recently revised constitution,"))
        #expect(first.contains("Eric J. Ballbach"))
        #expect(first.contains("00:00:01 / 00:19:12"))

        try session.typeLine("/cyber")
        let found = session.wait { $0.contains("▌00:00:47") && $0.contains("cyber  1/20") }
        #expect(found.contains("cyber  1/20"))

        try session.type("n")
        let next = session.wait { $0.contains("▌00:08:20") && $0.contains("cyber  2/20") }
        #expect(next.contains("cyber  2/20"))

        try session.typeLine("t12:31")
        let jumped = session.wait { $0.contains("▌00:12:31") && $0.contains("00:12:31 / 00:19:12") }
        #expect(jumped.contains("00:12:31 / 00:19:12"))

        try session.resize(width: 50, height: 16)
        let narrow = session.wait { $0.contains("Transcript ▸ Shownotes ▸ Reading") && $0.contains("▌00:12:31") }
        #expect(narrow.contains("▌00:12:31"))
        #expect(!narrow.contains("┌ Shownotes"))

        try session.resize(width: 100, height: 30)
        let wide = session.wait { $0.contains("┌ Shownotes") && $0.contains("▌00:12:31") }
        #expect(wide.contains("▌00:12:31"))

        try session.type("q")
        let after = session.wait { $0.contains("podread-exited-0") }
        #expect(after.contains("podread-exited-0"))
        let stty = try String(contentsOf: session.directory.appendingPathComponent("stty.txt"), encoding: .utf8)
        #expect(stty.contains(" icanon") && stty.contains(" echo") && !stty.contains("-icanon") && !stty.contains(" -echo "))
    }

    @Test("the position is kept and the episode reopens where it was left")
    func reopens() throws {
        let session = try TmuxSession(command: "\(podread); \(podread); sleep 60", width: 100, height: 30)
        session.wait { $0.contains("00:00:01 / 00:19:12") }
        try session.typeLine("t5:00")
        session.wait { $0.contains("/ 00:19:12") && !$0.contains("00:00:01 / ") }
        try session.type("q")
        let reopened = session.wait { $0.contains("▌00:04:5") || $0.contains("▌00:05:") }
        #expect(reopened.contains("▌00:04:5") || reopened.contains("▌00:05:"))
        try session.type("q")
    }

    @Test("Ctrl-C, SIGTERM and SIGHUP leave the terminal restored", arguments: ["C-c", "TERM", "HUP", "INT"])
    func restored(how: String) throws {
        let session = try TmuxSession(command: "\(podread) < /dev/tty & pid=$!; echo $pid > pid.txt; wait $pid; code=$?; stty -a > stty.txt; echo exited-$code; sleep 60")
        session.wait { $0.contains("00:00:01 / 00:19:12") }
        if how.hasPrefix("C-") {
            try session.send(how)
        } else {
            let pid = try String(contentsOf: session.directory.appendingPathComponent("pid.txt"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let signals = ["TERM": SIGTERM, "HUP": SIGHUP, "INT": SIGINT]
            #expect(kill(pid_t(pid)!, signals[how]!) == 0)
        }
        let after = session.wait { $0.contains("exited-") }
        #expect(after.contains("exited-"))
        #expect(!after.contains("Recommended reading"))  // the alternate screen was left
        let stty = try String(contentsOf: session.directory.appendingPathComponent("stty.txt"), encoding: .utf8)
        #expect(stty.contains(" icanon") && !stty.contains("-icanon"))
        try expectTerminalGivenBack(session)
    }

    @Test("Ctrl-Z hands the terminal to the shell; fg brings the reader back where it was")
    func suspend() throws {
        let session = try TmuxSession(command: "PS1='shell$ ' exec bash --norc --noprofile -i")
        session.wait { $0.contains("shell$") }
        try session.typeLine("\(podread)")
        session.wait { $0.contains("00:00:01 / 00:19:12") }
        try session.typeLine("t12:31")
        session.wait { $0.contains("▌00:12:31") }
        try session.send("C-z")
        let stopped = session.wait { $0.contains("Stopped") }
        #expect(stopped.contains("Stopped"))
        #expect(!stopped.contains("Recommended reading"))
        try expectTerminalGivenBack(session)
        try session.typeLine("stty -a > stty.txt")
        try session.typeLine("fg")
        let back = session.wait { $0.contains("▌00:12:31") && $0.contains("Recommended reading") }
        #expect(back.contains("▌00:12:31"))
        try session.type("j")
        #expect(session.wait { $0.contains("▌00:12:3") && !$0.contains("▌00:12:31") }.contains("Recommended reading"))
        try session.type("q")
        try session.typeLine("echo code-$?")
        #expect(session.wait { $0.contains("code-0") }.contains("code-0"))
        let stty = try String(contentsOf: session.directory.appendingPathComponent("stty.txt"), encoding: .utf8)
        #expect(stty.contains(" icanon") && !stty.contains("-icanon") && stty.contains(" echo") && !stty.contains(" -echo "))
    }

    @Test("a crash leaves the terminal restored and says so", arguments: ["SEGV", "ABRT", "ILL", "BUS", "FPE", "TRAP"])
    func crash(signalName: String) throws {
        // The Swift runtime's crash report runs after podread's restore; it
        // is told not to wait for a key, so the shell goes on at once.
        let session = try TmuxSession(command: "SWIFT_BACKTRACE=interactive=no \(podread) < /dev/tty 2> crash.txt & pid=$!; echo $pid > pid.txt; wait $pid; code=$?; stty -a > stty.txt; echo exited-$code; sleep 60")
        session.wait { $0.contains("00:00:01 / 00:19:12") }
        let pid = try String(contentsOf: session.directory.appendingPathComponent("pid.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let signals = ["SEGV": SIGSEGV, "ABRT": SIGABRT, "ILL": SIGILL, "BUS": SIGBUS, "FPE": SIGFPE, "TRAP": SIGTRAP]
        let number = signals[signalName]!
        #expect(kill(pid_t(pid)!, number) == 0)
        let after = session.wait(seconds: 30) { $0.contains("exited-") }
        // The process died of the signal (the shell says 128 + its number), after the restore.
        #expect(after.contains("exited-\(128 + number)"))
        #expect(!after.contains("Recommended reading"))
        let stty = try String(contentsOf: session.directory.appendingPathComponent("stty.txt"), encoding: .utf8)
        #expect(stty.contains(" icanon") && !stty.contains("-icanon") && stty.contains(" echo") && !stty.contains(" -echo "))
        let report = try String(contentsOf: session.directory.appendingPathComponent("crash.txt"), encoding: .utf8)
        #expect(report.contains("podread: crashed; the terminal has been restored"))
        try expectTerminalGivenBack(session)
    }

    /// tmux's view of the pane: alternate screen left, cursor shown, no mouse reporting.
    private func expectTerminalGivenBack(_ session: TmuxSession) throws {
        let flags = try session.tmux(["display-message", "-p", "-t", "main",
                                      "#{alternate_on} #{cursor_flag} #{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}"])
        #expect(flags.trimmingCharacters(in: .whitespacesAndNewlines) == "0 1 0000")
    }
}

@Suite("Quoting in a terminal", .serialized)
struct QuoteEndToEndTests {
    @Test("t 12:31, y: tmux's clipboard holds the quote and the journal has the same entry")
    func copy() throws {
        let podread = PodreadRunner.executable.path
        let session = try TmuxSession(command: "\(podread); sleep 60", width: 100, height: 30)
        try session.tmux(["set-option", "-g", "set-clipboard", "on"])
        session.wait { $0.contains("00:00:01 / 00:19:12") }
        try session.typeLine("t12:31")
        session.wait { $0.contains("▌00:12:31") }
        try session.type("y")
        let status = session.wait { $0.contains("copied 00:12:31 (plain) to the clipboard and the journal") }
        #expect(status.contains("copied 00:12:31 (plain) to the clipboard and the journal"))
        let buffer = try session.tmux(["save-buffer", "-"])
        #expect(buffer == "“then in late twenty-twenty four there was an IT worker from North Korea.” — Overlooked and underestimated: How North Korea has become a security threat to Europe, 00:12:31")
        let journal = try String(contentsOf: session.directory.appendingPathComponent("data/podread/quotes.md"), encoding: .utf8)
        #expect(journal.contains("\n\n" + buffer + "\n\n<!-- /podread-quote -->"))

        // A selection of three lines, copied as markdown.
        try session.type("vjjY")
        session.wait { $0.contains("quotes are copied as markdown") }
        try session.type("y")
        session.wait { $0.contains("copied 3 lines 00:12:31–00:13:07 (markdown)") }
        let markdown = try session.tmux(["save-buffer", "-"])
        #expect(markdown.hasPrefix("> then in late twenty-twenty four"))
        #expect(markdown.hasSuffix("00:12:31–00:13:07"))
    }
}

@Suite("Playing along in a terminal", .serialized)
struct PlaybackEndToEndTests {
    /// About 27 s of speech from espeak-ng.
    static func speech(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("speech.wav").path
        let text = String(repeating: "North Korea has become a security threat to Europe. ", count: 9)
        let status = try Spawn.run(["/usr/bin/env", "espeak-ng", "-w", path, text], output: "/dev/null", environment: ["PATH=/usr/bin:/bin"])
        #expect(status == 0, "espeak-ng must be installed (.ci/setup installs it)")
        return path
    }

    /// A fresh folder holding the speech file; its name marks this test's mpv.
    static func speechFolder() throws -> (folder: URL, audio: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podread-speech-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, try speech(in: folder))
    }

    let podread = PodreadRunner.executable.path
    let transcript = PodreadRunner.fixture("speech-transcript.txt")

    private func seconds(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first, let range = line.firstRange(of: "▶ 00:") else { return nil }
        let clock = line[range.upperBound...].prefix(5)  // MM:SS
        let parts = clock.split(separator: ":")
        guard parts.count == 2, let m = Int(parts[0]), let s = Int(parts[1]) else { return nil }
        return m * 60 + s
    }

    @Test("--audio --play: the line and the clock advance with the audio; t moves both; q leaves no mpv")
    func playAlong() throws {
        let (folder, audio) = try Self.speechFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let player = try TmuxSession(command: "\(podread) \(transcript) --audio \(audio) --play; echo ended; sleep 60", width: 100, height: 20)

        let started = player.wait { $0.contains("▶ 00:00:0") && $0.contains("▌00:00:0") }
        let first = try #require(seconds(started), "not playing: \(started)")
        let later = player.wait(seconds: 10) { (self.seconds($0) ?? 0) >= first + 4 }
        let second = try #require(seconds(later))
        #expect(second >= first + 4)
        // The highlighted line follows the audio: past 4 s, a later line is current.
        #expect(!later.contains("▌00:00:00"))

        try player.typeLine("t00:00:20")
        let jumped = player.wait { (self.seconds($0) ?? 0) >= 20 && ($0.contains("▌00:00:18") || $0.contains("▌00:00:21")) }
        #expect((seconds(jumped) ?? 0) >= 20)
        #expect(jumped.contains("▌00:00:18") || jumped.contains("▌00:00:21"))

        try player.type("q")
        player.wait { $0.contains("ended") }
        // Only mpv (and its watcher) have both the socket option and this audio path on their command line.
        func mpvRunning() throws -> Bool {
            try Spawn.run(["/usr/bin/env", "pgrep", "-f", "input-ipc-server.*\(folder.lastPathComponent)"],
                          output: "/dev/null", environment: ["PATH=/usr/bin:/bin"]) == 0
        }
        let deadline = Date().addingTimeInterval(5)
        while try mpvRunning(), Date() < deadline { usleep(50_000) }
        #expect(try !mpvRunning(), "an mpv is still running")
    }

    @Test("podread killed with SIGKILL mid-play leaves no mpv behind")
    func killed() throws {
        let (folder, audio) = try Self.speechFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let player = try TmuxSession(command: "\(podread) \(transcript) --audio \(audio) --play < /dev/tty & echo $! > pid.txt; wait; echo ended; sleep 60", width: 100, height: 20)
        player.wait { $0.contains("▶ 00:00:0") }
        let pattern = "input-ipc-server.*\(folder.lastPathComponent)"
        #expect(try Spawn.run(["/usr/bin/env", "pgrep", "-f", pattern], output: "/dev/null", environment: ["PATH=/usr/bin:/bin"]) == 0)
        let pid = try String(contentsOf: player.directory.appendingPathComponent("pid.txt"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(kill(pid_t(pid)!, SIGKILL) == 0)
        var stillRunning = true
        for _ in 0..<80 where stillRunning {  // 8 s: mpv gets SIGTERM, then SIGKILL a second later
            usleep(100_000)
            stillRunning = try Spawn.run(["/usr/bin/env", "pgrep", "-f", pattern], output: "/dev/null", environment: ["PATH=/usr/bin:/bin"]) == 0
        }
        #expect(!stillRunning, "mpv outlived a killed podread")
    }
}

@Suite("Hostile text in a terminal", .serialized)
struct HostileTextEndToEndTests {
    @Test("none of an episode's escape sequences reaches the terminal: every byte podread writes is captured")
    func capture() throws {
        let podread = PodreadRunner.executable.path
        let hostile = PodreadRunner.fixture("hostile.txt")
        let session = try TmuxSession(command: "sleep 0.5; \(podread) \(hostile); echo ended; sleep 60", width: 100, height: 30)
        let capture = session.directory.appendingPathComponent("terminal-bytes")
        try session.tmux(["pipe-pane", "-o", "-t", "main", "cat >> '\(capture.path)'"])
        let screen = session.wait { $0.contains("Plain line.") }
        #expect(screen.contains("␛]52;c;cG9kcmVhZA==␇"))  // shown, as placeholders
        try session.typeLine("/owned")
        try session.type("jG&")
        session.wait { $0.contains("Search results") }
        try session.send("Escape")
        try session.type("q")
        session.wait { $0.contains("ended") }
        // pipe-pane copies what the terminal got a moment later: wait until the capture has the end too.
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !((try? Data(contentsOf: capture)).map { Array($0).contains(Array("ended".utf8)) } ?? false) {
            usleep(50_000)
        }
        let bytes = try Data(contentsOf: capture)
        #expect(bytes.count > 1000)
        let forbidden: [(String, [UInt8])] = [
            ("OSC 52 clipboard write", Array("\u{1B}]52;c;cG9k".utf8)),
            ("OSC 0 window title", Array("\u{1B}]0;owned".utf8)),
            ("OSC 8 hyperlink", Array("\u{1B}]8;;http://evil".utf8)),
            ("DCS", Array("\u{1B}P1$r".utf8)),
            ("device status request", Array("\u{1B}[6n".utf8)),
            ("C1 CSI", [0xC2, 0x9B]),
            ("bidi override", [0xE2, 0x80, 0xAE]),
            ("bell", [0x07]),
            // (Backspace is not checked: curses moves the cursor left with it.)
        ]
        let captured = [UInt8](bytes)
        for (name, sequence) in forbidden {
            let found = captured.contains(sequence)
            #expect(!found, "\(name) reached the terminal")
        }
    }
}

@Suite("A huge transcript in a terminal", .serialized)
struct HugeTranscriptEndToEndTests {
    @Test("a transcript over the background-index size opens, and search finds its last line with the index built on a thread of its own")
    func backgroundIndex() throws {
        let session = try TmuxSession(command: "sleep 60", width: 100, height: 30)
        // 30,000 cues, over the 20,000-line size that indexes in the background.
        var file = "WEBVTT\n\n"
        for index in 0..<30_000 {
            let text = index == 29_999 ? "the very last word is zanzibar" : "line \(index) of a long transcript about korea"
            file += String(format: "%02d:%02d:%02d.000 --> %02d:%02d:%02d.900\n", index / 3600, index / 60 % 60, index % 60,
                           index / 3600, index / 60 % 60, index % 60) + text + "\n\n"
        }
        let path = session.directory.appendingPathComponent("huge.vtt")
        try file.write(to: path, atomically: true, encoding: .utf8)
        try open(path, in: session)
        session.wait(seconds: 60) { $0.contains("line 0 of a long transcript") }
        try session.typeLine("/zanzibar")
        let found = session.wait(seconds: 60) { $0.contains("zanzibar  1/1") }
        #expect(found.contains("▌08:19:59  the very last word is zanzibar"))
        try session.type("q")
        #expect(session.wait { $0.contains("exited-0") }.contains("exited-0"))
    }
}

extension HugeTranscriptEndToEndTests {
    /// Runs podread on a file written into the session's folder (the file is
    /// made after the session, which made the folder).
    private func open(_ path: URL, in session: TmuxSession) throws {
        let podread = PodreadRunner.executable.path
        try session.tmux(["respawn-pane", "-k", "-t", "main", "-c", session.directory.path, "env", "LANG=C.UTF-8", "HOME=\(session.directory.path)",
                          "XDG_STATE_HOME=\(session.directory.path)/state", "sh", "-c", "\(podread) \(path.path); echo exited-$?; sleep 60"])
    }

    @Test("a 10 MB line: opens, scrolls, and searching in it and past it answers at once")
    func tenMegabyteLine() throws {
        let session = try TmuxSession(command: "sleep 60", width: 100, height: 30)
        let words = ["north", "korea", "security", "strategy", "europe", "cyber", "sanctions", "missile"]
        var line = "00:00:01 "
        line.reserveCapacity(10_100_000)
        var word = 0
        while line.utf8.count < 10_000_000 {
            line += words[word % words.count] + " "
            word = (word * 31 + 7) % 1009
        }
        let path = session.directory.appendingPathComponent("long-line.txt")
        try (line + "\n00:00:05 after the long line\n").write(to: path, atomically: true, encoding: .utf8)
        try open(path, in: session)
        session.wait(seconds: 60) { $0.contains("▌00:00:01") }
        try session.type("JJJ")
        // Typed letter by letter, every keystroke searches and highlights the
        // screenful of the long line: only what is on screen may be worked on.
        try session.typeLine("/after")
        // A bound for a hang, not a speed goal: it answers in about a
        // second here; highlighting the whole line took about a minute.
        let after = session.wait(seconds: 15) { $0.contains("after  1/1") }
        #expect(after.contains("after  1/1"))
        #expect(after.contains("▌00:00:05  after the long line"))
        try session.typeLine("g/missile")
        let found = session.wait(seconds: 15) { $0.contains("missile  1/1") }
        #expect(found.contains("missile  1/1"))
        #expect(found.contains("▌00:00:01"))
        try session.type("q")
        #expect(session.wait(seconds: 30) { $0.contains("exited-0") }.contains("exited-0"))
    }
}

private extension Array where Element == UInt8 {
    func contains(_ sequence: [UInt8]) -> Bool {
        guard sequence.count <= count else { return false }
        for start in 0...(count - sequence.count) where self[start] == sequence[0] {
            if Array(self[start..<(start + sequence.count)]) == sequence { return true }
        }
        return false
    }
}
