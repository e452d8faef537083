import Testing
@testable import EpisodeKit

@Suite("HTML and plain-text transcripts")
struct HTMLAndTextTests {
    @Test("cite, time and p markup")
    func html() throws {
        let episode = try Fixture.episode("transcript.html")
        #expect(episode.format == .html)
        #expect(episode.title == "Episode 12 – Cyber")
        #expect(episode.segments.map(\.text) == ["Welcome to the show. It is a good day.", "Thanks & hello.", "Still Bo."])
        #expect(episode.segments.map(\.speaker) == ["Ann Lee", "Bo Chen", "Bo Chen"])
        #expect(episode.segments.map(\.start.milliseconds) == [0, 7000, 3_723_000])
    }

    @Test("HTML without time markup is read as text")
    func htmlAsText() throws {
        let html = "<html><body><p>00:00:01 Ann Lee: Hi.</p><p>00:00:03 Bo Chen: Hello.</p></body></html>"
        let episode = try EpisodeReader.read(bytes: Array(html.utf8), fallbackTitle: "x")
        #expect(episode.format == .html)
        #expect(episode.segments.map(\.speaker) == ["Ann Lee", "Bo Chen"])
    }

    @Test("speakers before timestamps, on their own line, in bold and in voice tags")
    func plainSpeakers() throws {
        let episode = try Fixture.episode("plain-speakers.txt")
        #expect(episode.format == .text)
        let summary = episode.segments.map { "\($0.start.formattedWithMilliseconds())|\($0.speaker ?? "-")|\($0.text)" }
        #expect(summary == [
            "00:00:01.000|Ann Lee|Welcome to the show.",
            "00:00:05.000|Bo Chen|Thanks for having me.",
            "00:00:09.000|Ann Lee|Let us talk about cyber.",
            "00:00:15.500|Bo Chen|Gladly.",
            "00:00:20.000|Ann Lee|Voice tag line.",
            "00:00:25.000|-|Plain line.",
        ])
    }

    @Test("a transcript without timestamps opens untimed")
    func untimed() throws {
        let episode = try Fixture.episode("untimed.txt")
        #expect(episode.hasTimes == false)
        #expect(episode.segments.map(\.speaker) == ["Ann Lee", "Bo Chen", nil])
        #expect(episode.segments[0].text == "Welcome to the show. Today we talk about cyber.")
        #expect(episode.warnings.map(\.message) == ["the transcript has no timestamps"])
    }
}
