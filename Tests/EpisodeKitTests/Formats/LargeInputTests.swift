import Testing
@testable import EpisodeKit

/// Sizes that once made a reader hang or crash. Each has a time limit as a
/// hang detector (a minute, for what takes a second or two even in a debug
/// build); the speeds themselves are the benchmark's business.
@Suite("Large inputs", .timeLimit(.minutes(1)))
struct LargeInputTests {
    @Test("100,000 continuation lines join one segment (once copied in full per line)")
    func continuationLines() throws {
        var text = "00:00:01 start\n"
        text.reserveCapacity(5_000_000)
        for _ in 0..<100_000 { text += "and this line carries on the same segment\n" }
        text += "00:00:09 next\n"
        let episode = try EpisodeReader.read(bytes: Array(text.utf8), fallbackTitle: "x")
        #expect(episode.segments.count == 2)
        #expect(episode.segments[0].text.utf8.count == "start".utf8.count + 100_000 * " and this line carries on the same segment".utf8.count)
        #expect(episode.segments[1].text == "next")
    }

    @Test("a million comments in a row are skipped without a stack frame each")
    func manyComments() {
        let feed = "<rss><channel>" + String(repeating: "<!---->", count: 1_000_000) + "<title>Still here</title></channel></rss>"
        let root = MarkupElement.parse(feed)
        #expect(root.descendant("channel")?.value("title") == "Still here")
        let html = "<p>" + String(repeating: "<!-- x -->", count: 1_000_000) + "text</p>"
        #expect(MarkupText.plain(html) == "text")
    }

    @Test("a 10 MB line is one segment")
    func longLine() throws {
        var line = "00:00:01 "
        line.reserveCapacity(10_000_100)
        while line.utf8.count < 10_000_000 { line += "korea north cyber " }
        let episode = try EpisodeReader.read(bytes: Array((line + "\n00:00:02 after\n").utf8), fallbackTitle: "x")
        #expect(episode.segments.count == 2)
        #expect(episode.segments[0].text.hasPrefix("korea north cyber"))
    }

    @Test("100,000 lines with a bold speaker or a voice tag each")
    func markedLines() throws {
        var text = ""
        for index in 0..<50_000 {
            text += "00:\(String(format: "%02d", index / 60 % 60)):\(String(format: "%02d", index % 60)) **Ann Lee:** hello\n"
            text += "<v Bo Chen>answer</v>\n"
        }
        let episode = try PlainTextReader.read(SourceText(string: text), title: "x")
        #expect(episode.segments.count == 50_000)
        #expect(episode.segments[0].speaker == "Ann Lee")
    }
}
