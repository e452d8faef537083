import Foundation
import Testing

@Suite("The command line")
struct CommandLineTests {
    @Test("info --json has every key with the sample's figures")
    func infoJSON() throws {
        let info = try PodreadRunner.json(["info", "--json"])
        #expect(info["title"] as? String == "Overlooked and underestimated: How North Korea has become a security threat to Europe")
        #expect(info["format"] as? String == "page-text")
        #expect(info["duration"] as? Int == 1152)
        #expect(info["segments"] as? Int == 140)
        #expect(info["reading"] as? Int == 3)
        #expect(info["chapters"] as? Int == 0)
        #expect(info["speakers"] as? [String] == [])
        #expect(info["podcast"] is NSNull)
        #expect(info["audio"] is NSNull)
        let people = try #require(info["people"] as? [[String: Any]])
        #expect(people.map { $0["name"] as? String } == ["Dr Eric Ballbach", "Esme Nicholson"])
        #expect(people.map { $0["role"] as? String } == ["guest", "host"])
        #expect(people[1]["about"] is NSNull)
    }

    @Test("transcript prints one HH:MM:SS line per segment")
    func transcriptText() throws {
        let result = try PodreadRunner.run(["transcript"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 140)
        #expect(lines.first == "00:00:01  North Korea's recently revised constitution,")
        #expect(lines.last == "00:19:12  Thankyou For Tuning In.")
    }

    @Test("--from and --to keep the segments overlapping the range")
    func transcriptRange() throws {
        let result = try PodreadRunner.run(["transcript", "--from", "12:31", "--to", "00:12:40"])
        #expect(result.output.split(separator: "\n").map { String($0.prefix(8)) } == ["00:12:31", "00:12:36"])
        // 00:12:30 falls inside the segment that starts at 00:12:27.
        let inside = try PodreadRunner.run(["transcript", "--from", "750", "--to", "750"])
        #expect(inside.output.split(separator: "\n").map { String($0.prefix(8)) } == ["00:12:27"])
        let last = try PodreadRunner.run(["transcript", "--from", "19:12"])
        #expect(last.output == "00:19:12  Thankyou For Tuning In.\n")
    }

    @Test("transcript --json gives index, times in seconds, speaker and text")
    func transcriptJSON() throws {
        let json = try PodreadRunner.json(["transcript", "--json", PodreadRunner.fixture("speakers-page.txt")])
        let segments = try #require(json["segments"] as? [[String: Any]])
        #expect(segments.count == 4)
        #expect(segments[0]["index"] as? Int == 0)
        #expect(segments[0]["start"] as? Int == 5)
        #expect(segments[0]["end"] as? Int == 9)
        #expect(segments[0]["speaker"] as? String == "Ann Lee")
        #expect(segments[2]["text"] as? String == "Let us begin with the first question.")
        #expect(segments[3]["end"] as? Int == 31)
    }

    @Test("speakers appear in text output and in info")
    func speakers() throws {
        let result = try PodreadRunner.run(["transcript", PodreadRunner.fixture("speakers-page.txt")])
        #expect(result.output.hasPrefix("00:00:05  Ann Lee: Welcome to the show.\n00:00:09  Bo Chen: Thanks"))
        let info = try PodreadRunner.json(["info", "--json", PodreadRunner.fixture("speakers-page.txt")])
        #expect(info["speakers"] as? [String] == ["Ann Lee", "Bo Chen"])
    }

    @Test("reading --json splits the sample's three references")
    func readingJSON() throws {
        let json = try PodreadRunner.json(["reading", "--json"])
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items[0]["authors"] as? [String] == ["Eric J. Ballbach"])
        #expect(items[0]["series"] as? String == "SWP Comment 2026/C 04")
        #expect(items[0]["date"] as? String == "2026-01-28")
        #expect(items[0]["url"] is NSNull)
        #expect((items[0]["text"] as? String)?.hasPrefix("Eric J. Ballbach: The K(orea)-Factor") == true)
    }

    @Test("a page with no transcript opens: 0 segments and a warning")
    func noTranscript() throws {
        let info = try PodreadRunner.json(["info", "--json", PodreadRunner.fixture("no-transcript.txt")])
        #expect(info["segments"] as? Int == 0)
        #expect((info["warnings"] as? [String])?.contains("the page has no transcript") == true)
    }

    @Test("bad input: one line on stderr naming the file, exit 2", arguments: [
        (["info", "/no/such/episode.vtt"], "podread: /no/such/episode.vtt: no such file\n"),
        (["transcript", "/"], "podread: /: is a directory, not an episode file\n"),
        (["reading", "/dev/null"], "podread: /dev/null: is not a regular file\n"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let result = try PodreadRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.error == message)
        #expect(result.output.isEmpty)
    }

    @Test("a bad --from is exit 2 with the time grammar's message")
    func badTime() throws {
        let result = try PodreadRunner.run(["transcript", "--from", "12:61"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("podread: --from: \"12:61\" is not a time"))
        #expect(result.error.split(separator: "\n").count == 1)
    }

    @Test("usage errors exit 2, not 64")
    func usage() throws {
        let result = try PodreadRunner.run(["info", "--frobnicate"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("podread: "))
    }

    @Test("--version, --help and completion scripts exit 0")
    func helpAndVersion() throws {
        let version = try PodreadRunner.run(["--version"])
        #expect(version.status == 0 && version.output.hasPrefix("0."))
        let help = try PodreadRunner.run(["transcript", "--help"])
        #expect(help.status == 0 && help.output.contains("--from"))
        let completion = try PodreadRunner.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0 && completion.output.contains("transcript"))
    }

    @Test("escape sequences in an episode are printed inert")
    func inertOutput() throws {
        let result = try PodreadRunner.run(["transcript", PodreadRunner.fixture("escapes.txt")])
        #expect(result.status == 0)
        #expect(!result.output.contains("\u{1B}"))
        #expect(!result.output.contains("\u{07}"))
        #expect(result.output.contains("␛[2J"))
    }

    @Test("the reader without a terminal says so in one line, exit 2")
    func readerWithoutTerminal() throws {
        let result = try PodreadRunner.run([])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("podread: "))
        #expect(result.error.split(separator: "\n").count == 1)
    }

    @Test("works from any working directory")
    func anyDirectory() throws {
        let result = try PodreadRunner.run(["info", "--json"], directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0)
    }
}
