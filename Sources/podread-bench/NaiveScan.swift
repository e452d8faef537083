import EpisodeKit

/// The baseline: answer the same question by reading every segment's text,
/// as a search without an index would.
struct NaiveScan {
    let texts: [String]

    init(episodes: [Episode]) {
        texts = episodes.flatMap { $0.searchableItems.map(\.text) }
    }

    /// The baseline for building an index: lowercase every text, split it
    /// into words and list each word's texts in a dictionary, on one core,
    /// as a first index would. Returns the number of distinct words.
    func naiveIndex() -> Int {
        var postings: [Substring: [Int32]] = [:]
        for (number, text) in texts.enumerated() {
            let lowered = text.lowercased()
            for word in lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                postings[word, default: []].append(Int32(number))
            }
        }
        return postings.count
    }

    /// Total count and the first 50 matches for a needle (`contains` on lowercased text).
    func count(containing needle: String) -> (total: Int, first: [Int]) {
        var total = 0
        var first: [Int] = []
        for (index, text) in texts.enumerated() where text.lowercased().contains(needle) {
            total += 1
            if first.count < 50 { first.append(index) }
        }
        return (total, first)
    }

    /// Fuzzy: every word of every text compared by edit distance.
    func count(near word: String, limit: Int) -> (total: Int, first: [Int]) {
        var total = 0
        var first: [Int] = []
        let target = Array(word.unicodeScalars)
        for (index, text) in texts.enumerated() {
            let hit = text.lowercased().split(whereSeparator: { !$0.isLetter }).contains { candidate in
                let scalars = Array(candidate.unicodeScalars)
                return abs(scalars.count - target.count) <= limit && levenshtein(scalars, target) <= limit
            }
            if hit {
                total += 1
                if first.count < 50 { first.append(index) }
            }
        }
        return (total, first)
    }

    private func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
