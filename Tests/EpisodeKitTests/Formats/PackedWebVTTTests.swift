import Foundation
import Testing
@testable import EpisodeKit

/// The packed WebVTT reader must find exactly what the general reader
/// finds, or leave the file to it.
@Suite("Packed WebVTT")
struct PackedWebVTTTests {
    /// What the general reader makes of the bytes.
    static func general(_ bytes: [UInt8]) throws -> Episode {
        try WebVTTReader.read(SourceText(bytes: bytes), title: "t")
    }

    static func summary(_ episode: Episode) -> [String] {
        episode.segments.map { "\($0.index)|\($0.start.milliseconds)|\($0.end.milliseconds)|\($0.endWasGiven)|\($0.speaker ?? "-")|\($0.text)" }
    }

    @Test("ordinary files are read packed, line for line as the general reader reads them")
    func ordinaryFiles() throws {
        let file = """
        \u{FEFF}WEBVTT - a title
        Kind: captions

        NOTE written by hand
        over two lines

        STYLE
        ::cue { color: red }

        1
        00:00:01.000 --> 00:00:04.000 align:start
        <v Ann Lee>Welcome to   the show.

        00:04.500 --> 00:09.000
        <v.loud Bo Chen>Thanks,</v> <i>glad</i> to be here.
        00:00:09.000 --> 00:00:10.000
        <v Ann>First.<v Bo>Second.

        00:00:10.000 --> 00:00:11.000

        00:00:11.000 --> 00:00:12.000
        Two lines
        in one cue
        00:00:12.000 --> 00:00:13.000
        Fish &amp; chips, café, <c.yellow>naïve</c>
        00:00:13.000 --> 00:00:14.000
        <v Ann>Yeah.
        00:00:14.000 --> 00:00:15.000
        <v Ann>Yeah.
        00:00:15.000 --> 00:00:16.000
        <v Ann>Yeah.
        00:00:16.000 --> 00:00:17.000
        <v   >	tabbed	text <b
        """
        for lineEnd in ["\n", "\r\n"] {
            let bytes = Array(file.replacingOccurrences(of: "\n", with: lineEnd).utf8)
            let packed = try #require(PackedWebVTTReader.read(bytes, title: "t"))
            #expect(packed.segments.isPacked)
            let general = try Self.general(bytes)
            #expect(general.warnings.isEmpty)
            #expect(Self.summary(packed) == Self.summary(general))
            #expect(packed.speakers == general.speakers)
            #expect(packed.duration == general.duration)
            #expect(packed.segments.count == 12)
        }
    }

    @Test("what the packed reader leaves to the general one")
    func leftAlone() {
        let cases: [String: String] = [
            "rolling captions": "WEBVTT\n\n" + (0..<4).map { "00:00:0\($0).000 --> 00:00:0\($0 + 1).000\nline \($0)\nline \($0 + 1)\n" }.joined(separator: "\n"),
            "one-line cues alike four times in a row": "WEBVTT\n\n" + (0..<4).map { "00:00:0\($0).000 --> 00:00:0\($0 + 1).000\n<v Ann>Yeah.\n" }.joined(separator: "\n"),
            "a broken timing": "WEBVTT\n\n00:00:xx.000 --> 00:00:02.000\nbroken\n",
            "an identifier without timing": "WEBVTT\n\nid\nno timing here\n",
            "spaces on a line inside a cue": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n \nafter a line of spaces\n",
            "a lone carriage return": "WEBVTT\r\r00:00:01.000 --> 00:00:02.000\rtext\r",
            "no signature": "00:00:01.000 --> 00:00:02.000\ntext\n",
            "a NUL byte": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ntext with a \u{0} in it, past the first eight bytes\n",
            "a mark on the signature": "WEBVTT\u{0301}\n\n00:00:01.000 --> 00:00:02.000\ntext\n",
        ]
        for (name, text) in cases {
            #expect(PackedWebVTTReader.read(Array(text.utf8), title: "t") == nil, "\(name)")
        }
        // Windows-1252 bytes (not UTF-8) and UTF-16 are decoded by the general reader.
        #expect(PackedWebVTTReader.read(Array("WEBVTT\n\n00:01.000 --> 00:02.000\ncaf".utf8) + [0xE9], title: "t") == nil)
        #expect(PackedWebVTTReader.read([0xFF, 0xFE] + Array("WEBVTT".utf8), title: "t") == nil)
    }

    @Test("random files of every shape agree with the general reader", arguments: 0..<4)
    func randomFiles(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed + 1))
        let pieces = ["word", "two  spaces", " lead", "trail ", "\ttab", "<v Ann>", "<v.x Bo Lee>", "</v>", "<i>", "</i>", "<b",
                      "&amp;", "é", "漢", "<00:00:01.500>", "<v >", "Yeah.", ">", "a-->b", "-",
                      "\u{00A0}", "no\u{2003}break", "e\u{0301}", "\u{3000}", "<v \u{00A0}Ann\u{00A0}>", "\u{200E}"]
        var packedFiles = 0
        for _ in 0..<60 {
            var file = ["WEBVTT", ""]
            var time = 0
            for cue in 0..<Int.random(in: 1...12, using: &random) {
                if Int.random(in: 0..<6, using: &random) == 0 { file += ["NOTE a note", ""] }
                if Int.random(in: 0..<3, using: &random) == 0 { file.append("cue-\(cue)") }
                file.append("\(Self.stamp(time)) --> \(Self.stamp(time + 900))")
                time += Int.random(in: 0...2000, using: &random)
                for _ in 0..<Int.random(in: 0...3, using: &random) {
                    file.append((0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: " "))
                }
                if Int.random(in: 0..<4, using: &random) > 0 { file.append("") }
            }
            let bytes = Array(file.joined(separator: Int.random(in: 0..<4, using: &random) == 0 ? "\r\n" : "\n").utf8)
            let general = try Self.general(bytes)
            let whole = PackedWebVTTReader.read(bytes, title: "t")
            if let packed = whole {
                packedFiles += 1
                #expect(Self.summary(packed) == Self.summary(general), "\(String(decoding: bytes, as: UTF8.self))")
                #expect(packed.speakers == general.speakers)
                #expect(general.warnings.isEmpty)
            }
            // Read in two halves at once, the same lines, or the same refusal.
            let halves = PackedWebVTTReader.read(bytes, title: "t", halvesFrom: 0)
            #expect((halves == nil) == (whole == nil), "\(String(decoding: bytes, as: UTF8.self))")
            if let halves, let whole {
                #expect(Self.summary(halves) == Self.summary(whole))
                #expect(halves.speakers == whole.speakers)
            }
        }
        // Most such files are the packed reader's to read.
        #expect(packedFiles >= 10)
    }

    @Test("spaces and tabs at every place of a long line fold as the general reader folds them")
    func foldingEverywhere() throws {
        var cues: [String] = []
        for place in 0..<24 {
            for (number, gap) in ["  ", "\t", " \t ", "\u{0B}", " "].enumerated() {
                // Each text its own, or five alike in a row would look like rolling captions.
                let text = String(repeating: "w", count: place) + gap + "after\(number) and then some more words" + (place % 3 == 0 ? " " : "")
                cues.append("00:00:01.000 --> 00:00:02.000\n\(text)\n")
            }
        }
        let bytes = Array(("WEBVTT\n\n" + cues.joined(separator: "\n")).utf8)
        let packed = try #require(PackedWebVTTReader.read(bytes, title: "t"))
        #expect(Self.summary(packed) == Self.summary(try Self.general(bytes)))
    }

    @Test("repeats across the middle of a file read in halves are seen as reading it whole sees them")
    func rollingAcrossHalves() throws {
        // Four cues alike (three repeats) placed at every place around the cut.
        for before in 0...4 {
            var cues = (0..<8).map { "00:00:0\($0).000 --> 00:00:0\($0 + 1).000\nline \($0)\n" }
            for at in before..<(before + 4) { cues[at] = "00:00:01.000 --> 00:00:02.000\nsame\n" }
            let bytes = Array(("WEBVTT\n\n" + cues.joined(separator: "\n")).utf8)
            #expect(PackedWebVTTReader.read(bytes, title: "t", halvesFrom: 0) == nil)
            #expect(PackedWebVTTReader.read(bytes, title: "t") == nil)
        }
        // Three alike (two repeats) across the cut are ordinary lines.
        let cues = (0..<8).map { $0 >= 3 && $0 <= 5 ? "00:00:01.000 --> 00:00:02.000\nsame\n" : "00:00:0\($0).000 --> 00:00:0\($0 + 1).000\nline \($0)\n" }
        let bytes = Array(("WEBVTT\n\n" + cues.joined(separator: "\n")).utf8)
        let halves = try #require(PackedWebVTTReader.read(bytes, title: "t", halvesFrom: 0))
        #expect(Self.summary(halves) == Self.summary(try Self.general(bytes)))
    }

    @Test("EpisodeReader takes the packed path for a WebVTT file, and the general one otherwise")
    func dispatch() throws {
        let packed = try EpisodeReader.read(bytes: Array("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>Hello.\n".utf8), fallbackTitle: "t")
        #expect(packed.segments.isPacked && packed.format == .webVTT && packed.title == "t")
        let general = try EpisodeReader.read(bytes: Array("WEBVTT\n\n00:xx.000 --> 00:02.000\nHello.\n".utf8), fallbackTitle: "t")
        #expect(!general.segments.isPacked && general.warnings.count == 2)
    }

    @Test("a packed transcript changed by hand becomes an ordinary one")
    func changing() throws {
        var episode = try #require(PackedWebVTTReader.read(Array("WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n\n00:02.000 --> 00:03.000\nBye.\n".utf8), title: "t"))
        episode.segments[1].text = "Changed."
        #expect(!episode.segments.isPacked)
        #expect(episode.segments.map(\.text) == ["Hello.", "Changed."])
    }

    static func stamp(_ milliseconds: Int) -> String {
        String(format: "%02d:%02d:%02d.%03d", milliseconds / 3_600_000, milliseconds / 60_000 % 60, milliseconds / 1000 % 60, milliseconds % 1000)
    }
}
