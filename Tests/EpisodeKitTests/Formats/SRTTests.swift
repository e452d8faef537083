import Testing
@testable import EpisodeKit

@Suite("SRT")
struct SRTTests {
    @Test("numbering, separators, coordinates, empty cues, speakers, tags")
    func fixture() throws {
        let episode = try Fixture.episode("talk.srt")
        #expect(episode.format == .srt)
        let summary = episode.segments.map { "\($0.start.formattedWithMilliseconds())|\($0.speaker ?? "-")|\($0.text)" }
        #expect(summary == [
            "00:00:01.000|ANN LEE|Hello there",
            "00:00:04.000|Ann Lee|Welcome back. Second line.",
            "00:00:06.500|Ann Lee|No label continues Ann.",
            "00:00:08.000|Ann Lee|",
            "00:00:09.000|Bo Chen|Red words",
            "00:00:12.000|Bo Chen|glued cue",
        ])
        #expect(episode.warnings.isEmpty)
    }

    @Test("UTF-16 with a BOM, little and big endian")
    func utf16() throws {
        let text = "1\n00:00:01,000 --> 00:00:02,000\nGrüße – “quoted”\n"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [le, be] {
            let episode = try EpisodeReader.read(bytes: bytes, fallbackTitle: "x")
            #expect(episode.format == .srt)
            #expect(episode.segments.first?.text == "Grüße – “quoted”")
        }
    }

    @Test("Windows-1252 text")
    func windows1252() throws {
        let bytes: [UInt8] = Array("1\n00:00:01,000 --> 00:00:02,000\nCaf".utf8) + [0xE9, 0x20, 0x96, 0x20, 0x80]
        let episode = try EpisodeReader.read(bytes: bytes, fallbackTitle: "x")
        #expect(episode.segments.first?.text == "Café – €")
    }

    @Test("a broken timing is skipped with its line; --strict refuses it")
    func broken() throws {
        let text = "1\n00:00:01,000 --> 00:00:02,000\nGood\n\n2\n00:00:0x,000 --> 00:00:03,000\nBad\n\n3\n00:00:03,000 --> 00:00:04,000\nGood again\n"
        let episode = try EpisodeReader.read(bytes: Array(text.utf8), fallbackTitle: "x")
        #expect(episode.segments.map(\.text) == ["Good", "Good again"])
        #expect(episode.warnings.first?.line == 6)
        #expect(throws: EpisodeReadError.self) {
            try EpisodeReader.read(bytes: Array(text.utf8), fallbackTitle: "x", options: ReadOptions(strict: true))
        }
    }
}
