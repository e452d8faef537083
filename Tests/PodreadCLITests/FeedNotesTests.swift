import Foundation
import Testing

/// A feed as publishers write it: HTML shownotes full of links, chapters
/// with links, people with roles of their own, a transcript link that fails.
@Suite("A feed's shownotes and links")
struct FeedNotesTests {
    let feed = PodreadRunner.fixture("notes-feed.xml")

    @Test("the shownotes' links and the chapters' links are the reading, each address once, with their source")
    func reading() throws {
        let reading = try PodreadRunner.run(["reading", feed, "--episode", "1", "--json"])
        #expect(reading.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(reading.output.utf8)) as? [String: Any]
        let items = try #require(object?["items"] as? [[String: Any]])
        #expect(items.map { $0["url"] as? String } == [
            "https://example.org/reports/viral-rivers?src=rss&ep=54", "https://example.org/neumann",
            "https://example.org/neumann/book", "https://example.org/archive", "https://example.org/maps",
        ])
        #expect(items.map { $0["source"] as? String } == ["shownotes", "shownotes", "shownotes", "shownotes", "chapter"])
        #expect(items[0]["title"] as? String == "The viral rivers report")
        #expect(items[1]["title"] as? String == "Mike’s page")
        #expect(items[4]["title"] as? String == "Mapping the campaigns" && items[4]["time"] as? Int == 610)
        // The page's own list says "page".
        let sample = try PodreadRunner.json(["reading", "--json"])
        #expect((sample["items"] as? [[String: Any]])?.allSatisfy { $0["source"] as? String == "page" } == true)
    }

    @Test("shownotes keep their lines: no control pictures in info, search or the reading list")
    func lines() throws {
        let info = try PodreadRunner.run(["info", feed, "--episode", "1"])
        #expect(!info.output.contains("␊"))
        #expect(info.output.contains("Mike Neumann joins Rita to talk about how river campaigns went viral – and what it cost."))
        #expect(info.output.contains("• The viral rivers report\u{00A0}[1]"))
        #expect(info.output.contains("Music by Ana Ruiz\nCover art: Lee Park"))
        let search = try PodreadRunner.run(["search", "neumann", feed])
        #expect(search.status == 0)
        #expect(!search.output.contains("␊"))
        #expect(search.output.contains("Mike Neumann"))
        // The episodes whose transcripts could not be had are named, with why.
        #expect(search.error.contains("podread: 1 episode of 2 searched without a transcript"))
        #expect(search.error.contains("  Episode 54: Social Media: ") && search.error.contains("missing-54.vtt"))
    }

    @Test("podcast:person keeps its role and link as written")
    func people() throws {
        let info = try PodreadRunner.json(["info", feed, "--episode", "1", "--json"])
        let people = try #require(info["people"] as? [[String: Any]])
        #expect(people.map { $0["role"] as? String } == ["host", "guest", "Cover Art Designer"])
        #expect(people[1]["link"] as? String == "https://example.org/neumann")
        let text = try PodreadRunner.run(["info", feed, "--episode", "1"])
        #expect(text.output.contains("Cover Art Designer"))
        #expect(!text.output.contains("With "))
    }

    @Test("in the reader: the chapters stand in for the transcript that failed, the notes keep their lines, the links are reading")
    func reader() throws {
        let session = try TmuxSession(command: "sleep 60", width: 120, height: 36)
        let podread = PodreadRunner.executable.path
        try session.tmux(["respawn-pane", "-k", "-t", "main", "-c", session.directory.path, "env", "LANG=C.UTF-8", "HOME=\(session.directory.path)",
                          "XDG_STATE_HOME=\(session.directory.path)/state", "sh", "-c", "\(podread) \(feed) --episode 1; echo exited-$?; sleep 60"])
        let screen = session.wait { $0.contains("┌ Shownotes") && $0.contains("Recommended reading") }
        #expect(screen.contains("Chapters (the transcript could not be fetched"))
        #expect(screen.contains("▌00:00:00  Welcome"))
        #expect(screen.contains("00:10:10  Mapping the campaigns"))
        #expect(screen.contains("• The viral rivers report\u{00A0}[1]"))
        #expect(screen.components(separatedBy: "Episode 54: Social Media").count == 3, "the title bar and the notes' title, not the notes' heading again")
        #expect(!screen.contains("␊"))
        #expect(screen.contains("Recommended reading (5)"))
        try session.type("M")
        let messages = session.wait { $0.contains("Messages (") }
        #expect(messages.contains("no transcript:"))
        try session.send("Escape")
        try session.type("]")
        #expect(session.wait { $0.contains("chapter 2/4: The viral rivers report") }.contains("▌00:01:35"))
        try session.type("q")
        #expect(session.wait { $0.contains("exited-0") }.contains("exited-0"))
    }
}
