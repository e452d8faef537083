import Foundation
import Testing
@testable import EpisodeKit

/// OPML as podcast apps write it.
@Suite("OPML")
struct OPMLTests {
    @Test("folders, types, titles, entities, a BOM, CRLF and no XML declaration; a feed listed twice once")
    func appsWriteIt() throws {
        let text = "\u{FEFF}<opml version=\"1.0\">\r\n<head><title>My podcasts</title></head>\r\n<body>\r\n"
            + "<outline text=\"News\">\r\n"
            + "  <outline type=\"rss\" text=\"Tech &amp; Society\" title=\"Tech &amp; Society\" xmlUrl=\"https://example.org/tech.xml?a=1&amp;b=2\"/>\r\n"
            + "  <outline text=\"No type\" xmlUrl=\"https://example.org/notype.xml\"/>\r\n"
            + "  <outline text=\"Nested\"><outline type=\"rss\" text=\"Deep\" xmlurl=\"http://example.org/deep.rss\"/></outline>\r\n"
            + "</outline>\r\n"
            + "<outline type=\"rss\" text=\"Again\" xmlUrl=\"https://example.org/notype.xml\"/>\r\n"
            + "<outline type=\"link\" text=\"A web page\" url=\"https://example.org\"/>\r\n"
            + "</body></opml>\r\n"
        let read = try OPML.read(EpisodeReader.decode(Array(text.utf8)))
        #expect(read.feeds == [
            OPMLFeed(url: "https://example.org/tech.xml?a=1&b=2", title: "Tech & Society"),
            OPMLFeed(url: "https://example.org/notype.xml", title: "No type"),
            OPMLFeed(url: "http://example.org/deep.rss", title: "Deep"),
        ])
        #expect(read.warnings.isEmpty)
    }

    @Test("hundreds of feeds")
    func many() throws {
        let outlines = (1...1000).map { "<outline type=\"rss\" text=\"Show \($0)\" xmlUrl=\"https://example.org/\($0).xml\"/>" }
        let text = "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>" + outlines.joined(separator: "\n") + "</body></opml>"
        #expect(try OPML.read(SourceText(string: text)).feeds.count == 1000)
    }

    @Test("a file that is no OPML names its line; an outline that is no feed is a warning with its line")
    func bad() {
        #expect(throws: EpisodeReadError.self) { try OPML.read(SourceText(string: "\n\n<html><body>x</body></html>")) }
        do {
            _ = try OPML.read(SourceText(string: "\n\n<html><body>x</body></html>"))
        } catch {
            #expect(error.line == 3 && error.message.contains("not an OPML file"))
        }
        #expect(throws: EpisodeReadError.self) { try OPML.read(SourceText(string: "<opml><body></body></opml>")) }
        let warned = try? OPML.read(SourceText(string: "<opml><body>\n<outline xmlUrl=\"ftp://x/feed\"/>\n<outline xmlUrl=\"https://ok/feed\"/>\n<outline xmlUrl=\"feeds/local.xml\"/></body></opml>"))
        #expect(warned?.feeds.map(\.url) == ["https://ok/feed", "feeds/local.xml"])
        #expect(warned?.warnings.first?.line == 2)
    }

    @Test("written OPML reads back the same, with entities escaped")
    func roundTrip() throws {
        let feeds = [OPMLFeed(url: "https://example.org/a.xml?x=1&y=2", title: "A & \"B\" <C>"), OPMLFeed(url: "https://example.org/b.xml", title: "B")]
        #expect(try OPML.read(SourceText(string: OPML.write(feeds))).feeds == feeds)
    }
}
