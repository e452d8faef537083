import Testing
@testable import EpisodeKit

@Suite("Format detection by content")
struct DetectionTests {
    @Test("each fixture is recognised whatever its name", arguments: [
        ("talk.vtt", EpisodeFormat.webVTT), ("talk.srt", .srt), ("phrases.json", .podcastJSON),
        ("words.json", .podcastJSON), ("transcript.html", .html), ("plain-speakers.txt", .text),
        ("untimed.txt", .text), ("feed.xml", .rss),
    ])
    func fixtures(name: String, format: EpisodeFormat) {
        #expect(FormatDetector.detect(Fixture.source(name)) == format)
    }

    @Test("the bundled page is page-text; a bare list of times is text")
    func pages() {
        #expect(FormatDetector.detect(SourceText(string: "Title\n\nShownotes\n\nx\n\nTranscript\n\n00:00:01: hi")) == .pageText)
        #expect(FormatDetector.detect(SourceText(string: "00:00:01 hi\n00:00:02 there")) == .text)
        #expect(FormatDetector.detect(SourceText(string: "  \n WEBVTT\n")) == .webVTT)
    }
}
