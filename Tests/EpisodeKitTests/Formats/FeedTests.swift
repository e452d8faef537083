import Testing
@testable import EpisodeKit

@Suite("RSS feeds")
struct FeedTests {
    @Test("channel and items, newest first")
    func feed() throws {
        let feed = try FeedReader.read(Fixture.source("feed.xml"))
        #expect(feed.podcast == "Security Talks")
        #expect(feed.author == "Ann Lee")
        #expect(feed.image == "https://example.org/cover.jpg")
        #expect(feed.items.map(\.title) == ["Newest: Cyber & more", "Escaped HTML", "Older episode"])
        let newest = feed.items[0]
        #expect(newest.date?.description == "2026-01-28")
        #expect(newest.duration?.formatted == "01:02:03")
        #expect(newest.audio == Enclosure(url: "https://example.org/new.mp3", type: "audio/mpeg", length: 999))
        #expect(newest.preferredTranscript?.url == "new.json")
        #expect(newest.transcripts.count == 3)
        #expect(newest.chaptersURL == "chapters.json")
        #expect(newest.people == [Person(name: "Bo Chen", role: .guest), Person(name: "Ann Lee", role: .host)])
        #expect(feed.items[2].duration?.formatted == "00:30:00")
    }

    @Test("each item has an identity: its guid, else its enclosure, else its title and date")
    func identity() throws {
        let feed = try FeedReader.read(Fixture.source("feed.xml"))
        #expect(feed.items.map(\.identity) == ["audio:https://example.org/new.mp3", "item:Escaped HTML 2026-01-13", "guid:sec-talks-001"])
        #expect(feed.episode(feed.items[2]).identity == "guid:sec-talks-001")
    }

    @Test("publication dates as feeds write them", arguments: [
        ("Wed, 28 Jan 2026 10:00:00 +0000", "2026-01-28"),
        ("Mon, 5 Jan 2026 10:00:00 GMT", "2026-01-05"),
        ("Wed,28 Jan 2026", "2026-01-28"),
        ("28 January 2026", "2026-01-28"),
        ("Sat, 14 Sept. 2024 08:00", "2024-09-14"),
        ("Di, 12 Okt 2021", "2021-10-12"),
        ("2026-01-28T10:00:00Z", "2026-01-28"),
        ("Wed, 31 Feb 2026 10:00:00", nil),
        ("sometime", nil),
        ("", nil),
    ] as [(String, String?)])
    func dates(text: String, expected: String?) {
        #expect(FeedReader.parseRFC822Date(text)?.description == expected)
    }

    @Test("HTML shownotes become readable text with numbered links, never raw tags")
    func shownotes() throws {
        let feed = try FeedReader.read(Fixture.source("feed.xml"))
        #expect(feed.items[0].description == "First paragraph with a link\u{00A0}[1].\n\n• Point one\n• Point two\n\n[1] https://example.org/link")
        #expect(feed.items[1].description == "Escaped bold")
        #expect(!feed.items.contains { $0.description.contains("<") })
    }

    @Test("entities a feed declares are never expanded or resolved")
    func entities() throws {
        let feed = try FeedReader.read(Fixture.source("feed.xml"))
        #expect(feed.items[2].description == "Just text &xxe; here")
    }

    @Test("a bomb of nested entities stays small")
    func bomb() throws {
        var declarations = "<!ENTITY a0 \"lol\">"
        for level in 1...9 { declarations += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(declarations)]><rss><channel><title>&a9;</title><item><title>x</title></item></channel></rss>"
        let feed = try FeedReader.read(SourceText(string: xml))
        #expect(feed.podcast == "&a9;")
    }

    @Test("deep nesting is bounded")
    func deep() throws {
        let xml = "<rss><channel><title>T</title>" + String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000) + "<item><title>I</title></item></channel></rss>"
        let feed = try FeedReader.read(SourceText(string: xml))
        #expect(feed.items.map(\.title) == ["I"])
    }

    @Test("the newest item is the episode a feed opens as")
    func episode() throws {
        let episode = try Fixture.episode("feed.xml")
        #expect(episode.format == .rss)
        #expect(episode.title == "Newest: Cyber & more")
        #expect(episode.podcast == "Security Talks")
        #expect(episode.audioURL == "https://example.org/new.mp3")
    }
}
