import EpisodeKit

/// A deterministic archive made from the bundled sample's words: about a
/// thousand 20-minute episodes and one 10-hour episode.
struct SyntheticArchive {
    let episodes: [Episode]
    let longEpisode: Episode

    /// Bytes of searchable text in `episodes`.
    var textBytes: Int {
        episodes.reduce(0) { $0 + $1.searchableItems.reduce(0) { $0 + $1.text.utf8.count } }
    }

    init(sample: Episode, episodeCount: Int = 1000, segmentsPerEpisode: Int = 280) {
        var generator = BenchGenerator(seed: 42)
        // The sample's words, with their frequencies, keep the archive's
        // vocabulary and word lengths like real speech.
        let words = sample.segments.flatMap { $0.text.split(separator: " ").map(String.init) }
        func segmentText() -> String {
            let count = Int.random(in: 6...26, using: &generator)
            return (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        }
        func episode(number: Int, segments: Int) -> Episode {
            var list: [Segment] = []
            list.reserveCapacity(segments)
            var milliseconds = 1000
            for index in 0..<segments {
                list.append(Segment(index: index, start: TimeCode(milliseconds: milliseconds), text: segmentText()))
                milliseconds += Int.random(in: 2000...7000, using: &generator)
            }
            return Episode(title: "Episode \(number): " + segmentText(), podcast: "Synthetic", shownotes: segmentText() + "\n\n" + segmentText(),
                           people: sample.people, reading: sample.reading, segments: list, format: .text).resolvingEnds()
        }
        episodes = (0..<episodeCount).map { episode(number: $0 + 1, segments: segmentsPerEpisode) }
        longEpisode = episode(number: 0, segments: segmentsPerEpisode * 30)
    }
}

/// SplitMix64: the same archive on every run.
struct BenchGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
