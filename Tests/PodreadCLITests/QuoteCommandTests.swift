import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite("podread quote and quotes", .serialized)
struct QuoteCommandTests {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("podread-quotes-\(UUID().uuidString)")

    private func run(_ arguments: [String]) throws -> PodreadRunner.Result {
        try PodreadRunner.run(arguments, environment: ["XDG_DATA_HOME": data.path, "DISPLAY": "", "WAYLAND_DISPLAY": ""])
    }

    @Test("--at picks the segment holding the time, --to extends the quote")
    func quote() throws {
        let one = try run(["quote", "--at", "12:33"])
        #expect(one.status == 0)
        #expect(one.output == "“then in late twenty-twenty four there was an IT worker from North Korea.” — Overlooked and underestimated: How North Korea has become a security threat to Europe, 00:12:31\n")
        let span = try run(["quote", "--at", "12:31", "--to", "12:40", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(span.output.utf8)) as? [String: Any]
        #expect(json?["timestamp"] as? String == "00:12:31–00:13:02")
        #expect(json?["start"] as? Int == 751)
        #expect(json?["end"] as? Int == 782)
        let bad = try run(["quote", "--at", "12:31", "--format", "pdf"])
        #expect(bad.status == 2)
        let badTime = try run(["quote", "--at", "soon"])
        #expect(badTime.status == 2 && badTime.error.hasPrefix("podread: --at: \"soon\" is not a time"))
    }

    @Test("--copy keeps the quote in the journal; quotes lists it")
    func journal() throws {
        #expect(try run(["quote", "--at", "12:31", "--copy"]).status == 0)
        #expect(try run(["quote", "--at", "00:47", "--copy", "--format", "markdown"]).status == 0)
        let listed = try run(["quotes", "--json"])
        let entries = try #require((try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any])?["quotes"] as? [[String: Any]])
        #expect(entries.count == 2)
        #expect(entries.map { $0["timestamp"] as? String } == ["00:12:31", "00:00:47"])
        #expect(entries.map { $0["format"] as? String } == ["plain", "markdown"])
        #expect((entries[0]["text"] as? String)?.contains("IT worker from North Korea") == true)
        let text = try run(["quotes"])
        #expect(text.output.contains("00:12:31  Overlooked and underestimated"))
    }

    @Test("two processes quoting at once never tear or interleave an entry")
    func concurrentWriters() throws {
        let podread = PodreadRunner.executable.path
        let script = """
            for i in $(seq 1 25); do "\(podread)" quote --at 12:31 --to 12:40 --copy --format markdown > /dev/null || exit 1; done &
            a=$!
            for i in $(seq 1 25); do "\(podread)" quote --at 00:47 --copy > /dev/null || exit 1; done &
            b=$!
            wait $a && wait $b
            """
        // Spawned with a clean signal mask: the shell's `wait` needs SIGCHLD.
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let status = try Spawn.run(["/bin/sh", "-c", script], output: data.appendingPathComponent("out.txt").path,
                                   environment: ["XDG_DATA_HOME=\(data.path)", "PATH=/usr/bin:/bin"])
        #expect(status == 0)
        let listed = try run(["quotes", "--json"])
        let entries = try #require((try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any])?["quotes"] as? [[String: Any]])
        #expect(entries.count == 50)
        let long = entries.filter { $0["timestamp"] as? String == "00:12:31–00:13:02" }
        let short = entries.filter { $0["timestamp"] as? String == "00:00:47" }
        #expect(long.count == 25 && short.count == 25)
        #expect(long.allSatisfy { ($0["text"] as? String)?.hasSuffix("00:12:31–00:13:02") == true })
        #expect(short.allSatisfy { ($0["text"] as? String)?.hasPrefix("“…from its intensifying alliance") == true })
        let raw = try String(contentsOf: data.appendingPathComponent("podread/quotes.md"), encoding: .utf8)
        #expect(raw.components(separatedBy: "<!-- podread-quote ").count == 51)
        #expect(raw.components(separatedBy: "<!-- /podread-quote -->").count == 51)
    }

    @Test("a journal that cannot be written: a clear message, exit 2, the quote still printed")
    func unwritableJournal() throws {
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let blocker = data.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let result = try PodreadRunner.run(["quote", "--at", "12:31", "--copy"], environment: ["XDG_DATA_HOME": blocker.path])
        #expect(result.status == 2)
        #expect(result.output.hasPrefix("“then in late twenty-twenty four"))
        #expect(result.error.hasPrefix("podread: copied 00:12:31 (plain) to the clipboard; the journal was not written: "))
    }

    @Test("writers killed with SIGKILL at random moments never leave a torn entry")
    func killedWriters() throws {
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let podread = PodreadRunner.executable.path
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30 {
            let pid = try Spawn.start([podread, "quote", "--at", "12:31", "--to", "13:02", "--copy", "--format", "markdown"],
                                      environment: ["XDG_DATA_HOME=\(data.path)", "PATH=/usr/bin:/bin"])
            usleep(UInt32.random(in: 0...150_000, using: &generator))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        // One writer that is left to finish, so the check below holds an
        // entry even when every killed writer died before writing: what
        // the killed ones left must not tear it or be read as a quote.
        let finished = try run(["quote", "--at", "12:31", "--to", "13:02", "--copy", "--format", "markdown"])
        #expect(finished.status == 0)
        let file = data.appendingPathComponent("podread/quotes.md")
        let raw = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let opened = raw.components(separatedBy: "<!-- podread-quote ").count - 1
        let closed = raw.components(separatedBy: "<!-- /podread-quote -->").count - 1
        #expect(opened == closed)
        let listed = try run(["quotes", "--json"])
        let entries = (try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any])?["quotes"] as? [[String: Any]] ?? []
        #expect(entries.count == opened)
        #expect(entries.allSatisfy { ($0["text"] as? String)?.hasSuffix("00:12:31–00:13:07") == true })
        #expect(opened >= 1)
    }
}
