import Testing
@testable import EpisodeKit

@Suite("The term table")
struct TermTableTests {
    private func id(_ table: inout TermTable, _ word: [UInt8]) -> Int {
        word.withUnsafeBufferPointer { table.id(for: $0) }
    }

    @Test("words alike in their first eight bytes, their length or their hash's tag stay apart, and come back with their ids")
    func lookalikes() {
        var table = TermTable(capacity: 4)
        var words: [[UInt8]] = [[], Array("a".utf8), Array("abcdefgh".utf8), Array("abcdefghi".utf8), Array("abcdefghj".utf8),
                                Array("abcdefgh".utf8) + [0], Array("abcdefghijklmnopq".utf8), Array("abcdefghijklmnopr".utf8),
                                [0], [0, 0], Array("ab".utf8) + [0]]
        // Words longer than the slot's 16-bit count: the same first bytes, lengths 2^16 and one more.
        words.append([UInt8](repeating: 120, count: 65_536))
        words.append([UInt8](repeating: 120, count: 65_537))
        words.append([UInt8](repeating: 120, count: 65_536) + [121])
        // Enough others to make the table grow several times.
        for number in 0..<5_000 { words.append(Array("word\(number)".utf8)) }
        var ids: [Int] = []
        for word in words { ids.append(id(&table, word)) }
        #expect(ids == Array(0..<words.count))
        #expect(table.count == words.count)
        for (number, word) in words.enumerated().reversed() {
            #expect(id(&table, word) == number)
            #expect(table.withBytes(number) { Array($0) } == word)
        }
    }

    @Test("an index's vocabulary is in byte order, words alike in their first eight bytes among them")
    func vocabularyOrder() {
        var generator = SeededGenerator(seed: 8)
        let stems = ["internat", "internation", "a", "ab", "abcdefgh", "zz", "émigré", "straßenbahn", "straßen"]
        var words: [String] = []
        for _ in 0..<3_000 {
            let stem = stems.randomElement(using: &generator)!
            let tail = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in "abcxyzé".randomElement(using: &generator)! })
            words.append(stem + tail)
        }
        // Two episodes, so two workers' vocabularies are merged.
        let episodes = [words[..<1_500], words[1_500...]].map { part in
            Episode(title: "t", segments: part.enumerated().map { Segment(index: $0.offset, start: .zero, text: $0.element) }, format: .text)
        }
        let index = SearchIndex(episodes: episodes)
        let terms = (0..<index.termCount).map { Array(index.term(Int32($0)).utf8) }
        #expect(terms == terms.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(Set(terms).count == terms.count)
    }
}
