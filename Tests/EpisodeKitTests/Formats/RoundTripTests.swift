import Foundation
import PodreadAssets
import Testing
@testable import EpisodeKit

@Suite("Export and read back")
struct RoundTripTests {
    /// Segments with everything that could get lost: milliseconds, speakers,
    /// markup characters, non-ASCII, an empty segment, overlapping times.
    static let original: Episode = {
        let rows: [(Int, Int, String, String)] = [
            (1_001, 4_250, "Ann Lee", "Welcome to <the> show & more — “quoted”."),
            (4_250, 9_000, "Bo Chen", "Grüße aus Pjöngjang, 漢字 and emoji 🎙️."),
            (8_500, 12_999, "Bo Chen", "Overlapping the one before."),
            (13_000, 13_000, "Ann Lee", ""),
            (3_600_000, 3_723_004, "Ann Lee", "An hour in: a > b and c < d."),
        ]
        let segments = rows.enumerated().map { index, row in
            Segment(index: index, start: TimeCode(milliseconds: row.0), end: TimeCode(milliseconds: row.1), speaker: row.2, text: row.3)
        }
        return Episode(title: "Round trip", segments: segments, format: .text).resolvingEnds()
    }()

    static let timed: [TranscriptExporter.Format] = [.webVTT, .srt, .podcastJSON]

    private func summary(_ episode: Episode) -> [String] {
        episode.segments.map { "\($0.start.milliseconds)-\($0.end.milliseconds)|\($0.speaker ?? "-")|\($0.text)" }
    }

    private func roundTrip(_ episode: Episode, through format: TranscriptExporter.Format) throws -> Episode {
        let written = TranscriptExporter.export(episode, as: format)
        return try EpisodeReader.read(bytes: Array(written.utf8), fallbackTitle: "x")
    }

    @Test("every timed format pair keeps times to the millisecond, speakers and text",
          arguments: timed, timed)
    func pair(first: TranscriptExporter.Format, second: TranscriptExporter.Format) throws {
        let once = try roundTrip(Self.original, through: first)
        let twice = try roundTrip(once, through: second)
        #expect(summary(once) == summary(Self.original))
        #expect(summary(twice) == summary(Self.original))
    }

    @Test("the exported file is detected as its own format")
    func detection() throws {
        let expected: [TranscriptExporter.Format: EpisodeFormat] = [.webVTT: .webVTT, .srt: .srt, .podcastJSON: .podcastJSON]
        for (format, detected) in expected {
            #expect(try roundTrip(Self.original, through: format).format == detected)
        }
    }

    @Test("the bundled sample survives WebVTT → SRT → JSON")
    func sample() throws {
        let url = try #require(BundledEpisodes.sample)
        let sample = try EpisodeReader.read(bytes: Array(try Data(contentsOf: url)), fallbackTitle: "x")
        var episode = sample
        for format in Self.timed { episode = try roundTrip(episode, through: format) }
        #expect(summary(episode) == summary(sample))
    }

    @Test("short names")
    func names() {
        #expect(TranscriptExporter.Format(name: "vtt") == .webVTT)
        #expect(TranscriptExporter.Format(name: "json") == .podcastJSON)
        #expect(TranscriptExporter.Format(name: "MARKDOWN") == .markdown)
        #expect(TranscriptExporter.Format(name: "docx") == nil)
    }

    @Test("markdown and text exports")
    func readable() {
        let markdown = TranscriptExporter.export(Self.original, as: .markdown)
        #expect(markdown.hasPrefix("# Round trip\n\n`00:00:01` **Ann Lee:** Welcome"))
        #expect(markdown.contains("\n`00:00:08` Overlapping")) // same speaker: name not repeated
        let text = TranscriptExporter.export(Self.original, as: .text)
        #expect(text.hasPrefix("00:00:01  Ann Lee: Welcome to <the> show"))
    }
}
