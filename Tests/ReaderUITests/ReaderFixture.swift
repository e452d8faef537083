import Foundation
import PodreadAssets
@testable import EpisodeKit
@testable import ReaderUI

/// The bundled sample and small episodes for the reader's tests.
enum ReaderFixture {
    static let sample: Episode = {
        let url = BundledEpisodes.sample!
        return try! EpisodeReader.read(bytes: Array(try! Data(contentsOf: url)), fallbackTitle: "sample")
    }()

    static let sampleIndex = SearchIndex(episodes: [sample])

    static func state(width: Int, height: Int, episode: Episode = sample, colors: Bool = true) -> ReaderState {
        ReaderState(episode: episode, index: episode.title == sample.title ? sampleIndex : nil, width: width, height: height, colors: colors)
    }

    /// An episode whose transcript has CJK, emoji and combining characters.
    static let wide: Episode = Episode(
        title: "東京 podcast 🎙️ Café",
        shownotes: "Notes with 漢字 and emoji 🎙️ and e\u{0301}.",
        people: [Person(name: "Aiko Tanaka", role: .host)],
        segments: [
            Segment(index: 0, start: TimeCode(milliseconds: 1000), speaker: "Aiko Tanaka", text: "東京で会いましょう。漢字が二つずつ幅を取ります。"),
            Segment(index: 1, start: TimeCode(milliseconds: 5000), speaker: "Bo Chen", text: "Emoji 🎙️🎧 and cafe\u{0301} with combining marks."),
            Segment(index: 2, start: TimeCode(milliseconds: 9000), text: "Plain line after them."),
        ],
        format: .text
    ).resolvingEnds()

    /// An episode whose text is full of terminal commands.
    static let hostile: Episode = Episode(
        title: "Evil \u{1B}]0;owned\u{07} title",
        shownotes: "Clear \u{1B}[2J screen and \u{1B}]52;c;aGk=\u{07} clipboard",
        segments: [
            Segment(index: 0, start: TimeCode(milliseconds: 1000), text: "Move \u{1B}[10;10H cursor and \u{9B}31m C1 and \u{202E}reversed"),
            Segment(index: 1, start: TimeCode(milliseconds: 2000), text: "Link \u{1B}]8;;http://x\u{1B}\\here\u{1B}]8;;\u{1B}\\ DCS \u{1B}P1$r\u{1B}\\ bell \u{07}"),
        ],
        format: .text
    ).resolvingEnds()
}
