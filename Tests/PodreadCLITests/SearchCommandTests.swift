import Foundation
import Testing

@Suite("podread search")
struct SearchCommandTests {
    @Test("hits as HH:MM:SS  field  text, plain when not a terminal")
    func text() throws {
        let result = try PodreadRunner.run(["search", "cyber"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == "00:00:47  transcript …from its intensifying alliance with Russia on its extensive cyber warfare capabilities.")
        #expect(!result.output.contains("\u{1B}"))
    }

    @Test("JSON with every key; --limit cuts the hits but not the total")
    func json() throws {
        let json = try PodreadRunner.json(["search", "sanct", "--json", "--limit", "2"])
        #expect(json["query"] as? String == "sanct")
        #expect(json["total"] as? Int == 3)
        let hits = try #require(json["hits"] as? [[String: Any]])
        #expect(hits.count == 2)
        let first = hits[0]
        #expect(first["field"] as? String == "transcript")
        #expect(first["segment"] as? Int != nil)
        #expect(first["start"] as? Int == 364)
        #expect(first["timestamp"] as? String == "00:06:04")
        #expect(first["fuzzy"] as? Bool == false)
        #expect(first["matched"] as? [String] == [])
        let range = try #require((first["ranges"] as? [[String: Int]])?.first)
        let text = try #require(first["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range["offset"]!..<(range["offset"]! + range["length"]!)])) == "sanctions")
        #expect(first["episode"] as? String == "Overlooked and underestimated: How North Korea has become a security threat to Europe")
    }

    @Test("fuzzy hits say what they matched; --exact turns them off")
    func fuzzy() throws {
        let json = try PodreadRunner.json(["search", "Ballbach", "--json"])
        let hits = try #require(json["hits"] as? [[String: Any]])
        #expect(hits.contains { ($0["matched"] as? [String])?.contains("Baalbach") == true && $0["fuzzy"] as? Bool == true })
        let exact = try PodreadRunner.json(["search", "Ballbach", "--json", "--exact"])
        #expect((exact["hits"] as? [[String: Any]])?.allSatisfy { $0["fuzzy"] as? Bool == false } == true)
    }

    @Test("exit 1 with no hits, as grep does; 2 on errors")
    func exitCodes() throws {
        let none = try PodreadRunner.run(["search", "zzzyzx"])
        #expect(none.status == 1)
        #expect(none.output.isEmpty && none.error == "podread: no hits for zzzyzx\n")
        let missing = try PodreadRunner.run(["search", "x", "/no/such/file"])
        #expect(missing.status == 2)
        let empty = try PodreadRunner.run(["search", "  "])
        #expect(empty.status == 2)
    }

    @Test("a directory: every episode file under it, grouped by episode")
    func directory() throws {
        let directory = URL(fileURLWithPath: PodreadRunner.fixture("talk.vtt")).deletingLastPathComponent().path
        let result = try PodreadRunner.run(["search", "welcome", directory])
        #expect(result.status == 0)
        #expect(result.output.contains("# A Small Talk\n00:00:05  transcript Welcome to the show."))
        #expect(result.output.contains("# talk\n00:00:01  transcript Welcome to the show & more."))
    }
}
