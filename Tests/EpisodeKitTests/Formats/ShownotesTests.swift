import Testing
@testable import EpisodeKit

/// Shownotes HTML as feeds publish it, made readable, and its links made
/// the episode's recommended reading.
@Suite("Shownotes from HTML")
struct ShownotesTests {
    @Test("headings, paragraphs, <br> and list items become lines and paragraphs, never control characters", arguments: [
        ("<h2>Episode 54: Social Media</h2>\n<p>Mike Neumann joins us.</p>", "Episode 54: Social Media\n\nMike Neumann joins us."),
        ("<p>One.</p><br><p>Two.</p>", "One.\n\nTwo."),
        ("<p>Line one<br>line two<br/>line three</p>", "Line one\nline two\nline three"),
        ("<p>Before<br><br>after</p>", "Before\n\nafter"),
        ("Plain text with\nnewlines\n\nand a gap", "Plain text with newlines and a gap"),
        ("<ul><li>First</li><li>Second</li></ul><p>After.</p>", "• First\n• Second\n\nAfter."),
        ("<div><p>Nested <b>bold</b> and <i>italic</i></p></div>", "Nested bold and italic"),
        ("<p>Caf&eacute; &hellip; it&rsquo;s &nbsp;here&mdash;now</p>", "Café … it’s here—now"),
    ])
    func lines(html: String, text: String) {
        let readable = MarkupText.readable(html)
        #expect(readable == text)
        #expect(!readable.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("links are numbered after their words, kept with them, listed at the end and collected once each")
    func links() {
        let html = """
            <p>Read <a href="https://example.org/a">the <strong>first</strong> paper</a> and
            <a href="https://example.org/b">the second</a>.</p>
            <ul><li><a href="https://example.org/a">the first again</a></li>
            <li>Plain address: https://example.org/c, then more.</li>
            <li><a href="https://example.org/d">https://example.org/d</a></li></ul>
            """
        let notes = MarkupText.readableWithLinks(html)
        #expect(notes.text.contains("the first paper\u{00A0}[1] and the second\u{00A0}[2]."))
        #expect(notes.text.contains("• the first again\u{00A0}[1]"))
        #expect(notes.text.hasSuffix("[1] https://example.org/a\n[2] https://example.org/b\n[3] https://example.org/d"))
        #expect(notes.links.map(\.url) == ["https://example.org/a", "https://example.org/b", "https://example.org/d", "https://example.org/c"])
        #expect(notes.links[0].text == "the first paper")
        #expect(notes.links[2].text == "https://example.org/d")
    }

    @Test("every named character reference of HTML is known", arguments: [
        ("&eacute;", "é"), ("&hellip;", "…"), ("&rsquo;", "’"), ("&nbsp;", "\u{00A0}"), ("&Agrave;", "À"),
        ("&CounterClockwiseContourIntegral;", "∳"), ("&NotNestedLessLess;", "⪡\u{0338}"), ("&bsol;", "\\"),
        ("&fjlig;", "fj"), ("&#x1F399;", "🎙"), ("&#233;", "é"), ("&unknownthing;", "&unknownthing;"),
    ])
    func entities(reference: String, decoded: String) {
        #expect(Entities.decode(reference) == decoded)
        #expect(Entities.named.count > 2000)
    }

    @Test("a feed item's shownotes links and its chapters' links are its reading, in order, each address once")
    func readingFromFeed() throws {
        let xml = """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:podcast="https://podcastindex.org/namespace/1.0">
            <channel><title>Cast</title>
            <item><title>One</title>
              <description>Short.</description>
              <content:encoded><![CDATA[<p>See <a href="https://example.org/x?a=1&amp;b=2">the study</a>.</p><p>Also https://example.org/y</p>]]></content:encoded>
              <podcast:person role="Cover Art Designer" href="https://example.org/ana">Ana Ruiz</podcast:person>
              <podcast:person role="guest">Bo Chen</podcast:person>
            </item>
            <item><title>Two</title>
              <content:encoded>   </content:encoded>
              <description>&lt;p&gt;Only a &lt;a href="https://example.org/z"&gt;description&lt;/a&gt;&lt;/p&gt;</description>
            </item>
            </channel></rss>
            """
        let feed = try FeedReader.read(EpisodeReader.decode(Array(xml.utf8)))
        var episode = feed.episode(feed.items[0])
        #expect(episode.reading.map(\.url) == ["https://example.org/x?a=1&b=2", "https://example.org/y"])
        #expect(episode.reading.map(\.title) == ["the study", "https://example.org/y"])
        #expect(episode.reading.allSatisfy { $0.source == .shownotes })
        episode.chapters = [
            Chapter(start: TimeCode(milliseconds: 60_000), title: "The study", url: "https://example.org/x?a=1&b=2"),
            Chapter(start: TimeCode(milliseconds: 120_000), title: "A map", url: "https://example.org/map"),
            Chapter(start: TimeCode(milliseconds: 180_000), title: "No link"),
        ]
        episode.addChapterLinks()
        #expect(episode.reading.map(\.url) == ["https://example.org/x?a=1&b=2", "https://example.org/y", "https://example.org/map"])
        #expect(episode.reading[2].source == .chapter && episode.reading[2].time == TimeCode(milliseconds: 120_000))
        // Roles as written, with their links.
        #expect(episode.people[0].roleLabel == "Cover Art Designer" && episode.people[0].link == "https://example.org/ana")
        #expect(episode.people[1].roleLabel == "Guest")
        // Empty full notes give way to the description.
        #expect(feed.items[1].description.hasPrefix("Only a description"))
        #expect(feed.items[1].links.map(\.url) == ["https://example.org/z"])
    }
}
