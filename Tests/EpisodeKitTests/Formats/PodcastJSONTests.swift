import Testing
@testable import EpisodeKit

@Suite("Podcasting 2.0 JSON")
struct PodcastJSONTests {
    @Test("phrase-level segments are kept as they are")
    func phrases() throws {
        let episode = try Fixture.episode("phrases.json")
        #expect(episode.format == .podcastJSON)
        #expect(episode.segments.map(\.text) == ["Welcome to the show.", "Thanks for having me.", "No speaker here."])
        #expect(episode.segments.map(\.speaker) == ["Ann Lee", "Bo Chen", nil])
        #expect(episode.segments[1].end.milliseconds == 7000) // missing endTime → next start
        #expect(episode.segments[0].end.milliseconds == 3250)
    }

    @Test("word-level transcripts are joined into readable lines")
    func words() throws {
        let episode = try Fixture.episode("words.json")
        let lines = episode.segments.map(\.text)
        #expect(lines[0] == "Hello there.")               // sentence end, punctuation attached
        #expect(lines[1] == "This is a test of")          // white space adds nothing; pause after "of"
        #expect(lines[2] == "words after pause")          // speaker change next
        #expect(lines[3].hasPrefix("Bo speaks now w0"))
        #expect(lines[3].split(separator: " ").count == 25) // at most 25 words a line
        #expect(episode.segments[3].speaker == "Bo Chen")
        #expect(episode.segments[1].words.map(\.text) == ["This", "is", "a", "test", "of"])
        #expect(episode.segments[1].start == episode.segments[1].words[0].start)
        #expect(episode.segments[0].words.last?.text == "there.")
    }

    @Test("broken segments are skipped and counted")
    func broken() throws {
        let text = #"{"segments": [{"startTime": 1, "body": "ok"}, {"body": "no time"}, {"startTime": "2.5", "body": "string time"}]}"#
        let episode = try EpisodeReader.read(bytes: Array(text.utf8), fallbackTitle: "x")
        #expect(episode.segments.map(\.text) == ["ok", "string time"])
        #expect(episode.segments[1].start.milliseconds == 2500)
        #expect(episode.warnings.contains { $0.message == "1 broken segment was skipped" })
    }

    @Test("invalid JSON is a clear error")
    func invalid() {
        #expect(throws: EpisodeReadError.self) {
            try EpisodeReader.read(bytes: Array(#"{"segments": [1, 2"#.utf8), fallbackTitle: "x")
        }
    }

    @Test("chapters: fractional times, toc, sorted")
    func chapters() throws {
        let chapters = try ChaptersReader.read(Fixture.source("chapters.json"))
        #expect(chapters.map(\.title) == ["Intro", "Ad break", "Cyber threats", "Outro"])
        #expect(chapters[2].start.milliseconds == 65_500)
        #expect(chapters[1].inTableOfContents == false)
        #expect(chapters[3].end?.milliseconds == 180_250)
        #expect(chapters[2].url == "https://example.org/c")
    }
}
