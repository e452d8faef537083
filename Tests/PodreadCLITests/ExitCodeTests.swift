import Foundation
import Testing

/// The command line keeps its promises: 1 for nothing found (with a line
/// saying so), 2 for contradictory input, podread's own words for errors.
@Suite("Exit codes and messages")
struct ExitCodeTests {
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> PodreadRunner.Result {
        try PodreadRunner.run(arguments, environment: environment)
    }

    @Test("nothing found is exit 1 with one line on stderr, for every command that finds or lists")
    func nothingFound() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("podread-exit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let search = try run(["search", "zzzyzx"])
        #expect(search.status == 1 && search.error == "podread: no hits for zzzyzx\n" && search.output.isEmpty)
        let chapters = try run(["chapters"])
        #expect(chapters.status == 1 && chapters.error.hasSuffix(": no chapters\n"))
        let chaptersJSON = try run(["chapters", "--json"])
        #expect(chaptersJSON.status == 1 && chaptersJSON.output.contains("\"chapters\""))
        let reading = try run(["reading", PodreadRunner.fixture("talk.vtt")])
        #expect(reading.status == 1 && reading.error.hasSuffix(": no recommended reading\n"))
        let quotes = try run(["quotes"], environment: ["XDG_DATA_HOME": home.path])
        #expect(quotes.status == 1 && quotes.error == "podread: the quote journal is empty (\(home.path)/podread/quotes.md)\n")
        // A gap inside the episode: a range with no segment in it.
        let gap = try run(["transcript", PodreadRunner.fixture("gap.vtt"), "--from", "0:20", "--to", "0:40"])
        #expect(gap.status == 1 && gap.error == "podread: no segment between 00:00:20 and 00:00:40\n")
    }

    @Test("contradictory input is exit 2 with a clear line; a --to past the end is the end")
    func contradictions() throws {
        let backwards = try run(["transcript", "--from", "10:00", "--to", "5:00"])
        #expect(backwards.status == 2 && backwards.error == "podread: --from 10:00 is after --to 5:00\n")
        let quoteBackwards = try run(["quote", "--at", "10:00", "--to", "5:00"])
        #expect(quoteBackwards.status == 2 && quoteBackwards.error == "podread: --at 10:00 is after --to 5:00\n")
        let pastEnd = try run(["quote", "--at", "50:00"])
        #expect(pastEnd.status == 2 && pastEnd.error == "podread: --at 50:00 is past the end of the episode (00:19:12)\n")
        let fromPastEnd = try run(["transcript", "--from", "1h"])
        #expect(fromPastEnd.status == 2 && fromPastEnd.error.contains("is past the end of the episode (00:19:12)"))
        let clamped = try run(["transcript", "--from", "19:00", "--to", "3h"])
        #expect(clamped.status == 0 && clamped.output.hasSuffix("00:19:12  Thankyou For Tuning In.\n"))
        let notAFeed = try run(["info", PodreadRunner.fixture("talk.vtt"), "--episode", "2"])
        #expect(notAFeed.status == 2 && notAFeed.error.contains("--episode picks an episode of a feed"))
    }

    @Test("quote --json prints JSON")
    func quoteJSON() throws {
        let result = try run(["quote", "--at", "12:31", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(object?["timestamp"] as? String == "00:12:31")
    }

    @Test("an unknown duration is null in JSON and unknown in text")
    func unknownDuration() throws {
        let info = try run(["info", PodreadRunner.fixture("notes-feed.xml"), "--episode", "2", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(info.output.utf8)) as? [String: Any]
        #expect(object?["duration"] is NSNull)
        let text = try run(["info", PodreadRunner.fixture("notes-feed.xml"), "--episode", "2"])
        #expect(text.output.contains("Duration") && text.output.contains("unknown"))
        let episodes = try run(["episodes", PodreadRunner.fixture("notes-feed.xml")])
        #expect(episodes.output.contains("unknown"))
    }

    @Test("errors are podread's words: a directory for -o, a mistyped command")
    func messages() throws {
        let directory = FileManager.default.temporaryDirectory.path + "/"
        let export = try run(["export", "--format", "vtt", "-o", directory])
        #expect(export.status == 2 && export.error.contains("is a directory"))
        #expect(!export.error.contains("NSCocoaErrorDomain"))
        let typo = try run(["serach", "korea"])
        #expect(typo.status == 2 && typo.error.contains("did you mean 'podread search'"))
        let plural = try run(["transcripts"])
        #expect(plural.status == 2 && plural.error.contains("did you mean 'podread transcript'"))
    }

    @Test("search over several files labels each group by file name when titles repeat")
    func repeatedTitles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podread-titles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two transcripts a publisher titled alike, as HTML transcripts often are.
        for name in ["monday", "tuesday"] {
            try "<html><head><title>Transcript</title></head><body><p><cite>Ann:</cite> <time>0:01</time> The river rose on \(name).</p></body></html>"
                .write(to: folder.appendingPathComponent("\(name).html"), atomically: true, encoding: .utf8)
        }
        let result = try run(["search", "river", folder.path])
        #expect(result.status == 0)
        #expect(result.output.contains("# Transcript (monday.html)\n"))
        #expect(result.output.contains("# Transcript (tuesday.html)\n"))
    }
}
