import Testing
@testable import EpisodeKit

@Suite("WebVTT")
struct WebVTTTests {
    @Test("the fixture's cues, voices, tags and entities")
    func fixture() throws {
        let episode = try Fixture.episode("talk.vtt")
        #expect(episode.format == .webVTT)
        let summary = episode.segments.map { "\($0.start.formattedWithMilliseconds())|\($0.speaker ?? "-")|\($0.text)" }
        #expect(summary == [
            "00:00:01.000|Ann Lee|Welcome to the show & more.",
            "00:00:04.500|Bo Chen|Thanks <Ann>, glad to be here.",
            "00:00:09.000|Ann Lee|First question.",
            "00:00:09.000|Bo Chen|Go ahead.",
            "00:00:09.500|-|Short times\u{00A0}work! \u{200E}".collapsingWhitespace(),
            "00:01:05.000|-|Last line here 漢kan",
        ])
        #expect(episode.segments[1].end.formattedWithMilliseconds() == "00:00:09.000")
        #expect(episode.segments[4].end.formattedWithMilliseconds() == "00:01:02.250")
    }

    @Test("a broken timing is skipped with a warning naming its line")
    func brokenCue() throws {
        let episode = try Fixture.episode("talk.vtt")
        #expect(episode.warnings.contains { $0.line == 25 && $0.message == "cue timing \"00:01:xx.000 --> 00:01:05.000\" is not a time" })
        #expect(episode.warnings.contains { $0.message == "1 broken cue was skipped" })
        #expect(!episode.segments.contains { $0.text.contains("broken") })
    }

    @Test("--strict makes the broken cue an error")
    func strict() {
        #expect(throws: EpisodeReadError(line: 25, "cue timing \"00:01:xx.000 --> 00:01:05.000\" is not a time")) {
            try Fixture.episode("talk.vtt", options: ReadOptions(strict: true))
        }
    }

    @Test("CR line ends, no final newline, header text")
    func lineEnds() throws {
        let text = "WEBVTT\r\r00:01.000 --> 00:02.000\rOne\r\r00:02.000 --> 00:03.000\rTwo"
        let episode = try EpisodeReader.read(bytes: Array(text.utf8), fallbackTitle: "x")
        #expect(episode.segments.map(\.text) == ["One", "Two"])
    }

    @Test("lenient cue times", arguments: [
        ("00:01:02.250", 62_250), ("01:02.250", 62_250), ("1:02.250", 62_250), ("9.5", 9_500),
        ("1:02:03.004", 3_723_004), ("62", 62_000), ("00:00:01,5", 1_500),
    ])
    func times(token: String, milliseconds: Int) {
        #expect(CueTiming.time(token)?.milliseconds == milliseconds)
    }

    @Test("broken cue times", arguments: ["00:61.000", "1:60:00.000", "ab", "1.2345", "", "00:00:01.", "::1"])
    func badTimes(token: String) {
        #expect(CueTiming.time(token) == nil)
    }
}
