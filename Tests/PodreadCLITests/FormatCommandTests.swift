import Foundation
import Testing

@Suite("Commands for every format")
struct FormatCommandTests {
    @Test("info reports the detected format", arguments: [
        ("talk.vtt", "webvtt"), ("speakers-page.txt", "page-text"), ("escapes.txt", "text"),
        ("chapters.json", "podcast-json"), ("feed.xml", "rss"),
    ])
    func format(file: String, format: String) throws {
        let info = try PodreadRunner.json(["info", "--json", PodreadRunner.fixture(file)])
        #expect(info["format"] as? String == format)
    }

    @Test("a feed opens its newest episode that has a transcript")
    func feedDefault() throws {
        let info = try PodreadRunner.json(["info", "--json", PodreadRunner.fixture("feed.xml")])
        #expect(info["title"] as? String == "With transcript")
        #expect(info["podcast"] as? String == "Local Cast")
        #expect(info["segments"] as? Int == 6)
        #expect(info["chapters"] as? Int == 4)
        #expect(info["audio"] as? String == "https://example.org/2.mp3")
        let first = try PodreadRunner.json(["info", "--json", "--episode", "1", PodreadRunner.fixture("feed.xml")])
        #expect(first["title"] as? String == "Without transcript")
        #expect(first["duration"] as? Int == 600)
    }

    @Test("episodes lists a feed, newest first")
    func episodes() throws {
        let json = try PodreadRunner.json(["episodes", "--json", PodreadRunner.fixture("feed.xml")])
        #expect(json["podcast"] as? String == "Local Cast")
        let episodes = try #require(json["episodes"] as? [[String: Any]])
        #expect(episodes.map { $0["number"] as? Int } == [1, 2])
        #expect(episodes.map { $0["title"] as? String } == ["Without transcript", "With transcript"])
        #expect(episodes.map { $0["transcript"] as? Bool } == [false, true])
        #expect(episodes.map { $0["date"] as? String } == ["2026-02-06", "2026-02-05"])
        #expect(episodes[1]["duration"] as? Int == 68)
        #expect(episodes[0]["audio"] as? String == "https://example.org/3.mp3")
        let text = try PodreadRunner.run(["episodes", PodreadRunner.fixture("feed.xml")])
        #expect(text.output.contains("2  2026-02-05  00:01:08  T  With transcript"))
        let notFeed = try PodreadRunner.run(["episodes", PodreadRunner.fixture("talk.vtt")])
        #expect(notFeed.status == 2)
        #expect(notFeed.error.hasSuffix("talk.vtt: this is not a podcast feed\n"))
    }

    @Test("chapters lists start times and titles")
    func chapters() throws {
        let result = try PodreadRunner.run(["chapters", PodreadRunner.fixture("chapters.json")])
        #expect(result.output == "00:00:00  Intro\n00:00:30  Ad break  (not in contents)\n00:01:05  Cyber threats\n00:02:00  Outro\n")
        let json = try PodreadRunner.json(["chapters", "--json", PodreadRunner.fixture("chapters.json")])
        let chapters = try #require(json["chapters"] as? [[String: Any]])
        #expect(chapters[2]["start"] as? Double == 65.5)
        #expect(chapters[1]["toc"] as? Bool == false)
    }

    @Test("export writes a file that reads back the same")
    func export() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("podread-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let srt = directory.appendingPathComponent("out.srt").path
        let written = try PodreadRunner.run(["export", PodreadRunner.fixture("speakers-page.txt"), "--format", "srt", "-o", srt])
        #expect(written.status == 0)
        let original = try PodreadRunner.run(["transcript", "--json", PodreadRunner.fixture("speakers-page.txt")])
        let again = try PodreadRunner.run(["transcript", "--json", srt])
        #expect(again.output == original.output)
        let vtt = try PodreadRunner.run(["export", "--format", "vtt"])
        #expect(vtt.output.hasPrefix("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nNorth Korea's"))
        let bad = try PodreadRunner.run(["export", "--format", "docx"])
        #expect(bad.status == 2)
        #expect(bad.error.contains("--format takes webvtt"))
    }

    @Test("--strict turns a broken cue into an error naming file and line")
    func strict() throws {
        let file = PodreadRunner.fixture("talk.vtt")
        let lenient = try PodreadRunner.json(["info", "--json", file])
        #expect((lenient["warnings"] as? [String])?.contains("1 broken cue was skipped") == true)
        let strict = try PodreadRunner.run(["info", "--strict", file])
        #expect(strict.status == 2)
        #expect(strict.error == "podread: \(file):25: cue timing \"00:01:xx.000 --> 00:01:05.000\" is not a time\n")
    }
}
