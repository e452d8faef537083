import Foundation
import Testing
@testable import EpisodeKit

@Suite("Search normalisation")
struct TokenizerTests {
    private func terms(_ text: String) -> [String] {
        WordTokenizer().tokens(text).map(\.term)
    }

    @Test("case, diacritics, ß and ligatures fold", arguments: [
        ("Pjöngjang", "pjongjang"), ("PJÖNGJANG", "pjongjang"), ("café", "cafe"), ("Straße", "strasse"),
        ("Æsir", "aesir"), ("Łódź", "lodz"), ("e\u{0301}te\u{0301}", "ete"), ("ÉCOLE", "ecole"), ("Ωμέγα", "ωμεγα"),
    ])
    func folding(text: String, folded: String) {
        #expect(terms(text) == [folded])
    }

    @Test("apostrophes, straight or typographic, alike")
    func apostrophes() {
        #expect(terms("Korea's") == ["koreas", "korea"])
        #expect(terms("Korea’s") == ["koreas", "korea"])
        #expect(terms("'quoted' words") == ["quoted", "words"])
    }

    @Test("hyphenated words count as their parts and joined")
    func hyphens() {
        let tokens = WordTokenizer().tokens("Kim Jong-un spoke")
        #expect(tokens.map(\.term) == ["kim", "jong", "jongun", "un", "spoke"])
        let joined = tokens.first { $0.term == "jongun" }!
        #expect(joined.position == 1 && joined.span == 2)
        #expect(joined.offset == 4 && joined.length == 7)
    }

    @Test("spoken numbers get digit aliases", arguments: [
        ("twenty-twenty four", "2024"), ("twenty twenty-four", "2024"), ("two thousand eighteen", "2018"),
        ("seven thousand", "7000"), ("nineteen eighty-four", "1984"), ("three hundred and five", "305"),
        ("twenty oh five", "2005"),
    ])
    func numbers(text: String, digits: String) {
        let alias = WordTokenizer().tokens(text).filter { $0.isAlias }.max { $0.span < $1.span }
        #expect(alias?.term == digits)
        #expect(alias?.offset == 0)
        #expect(alias?.length == Int32(text.unicodeScalars.count))
    }

    @Test("punctuation ends a spoken number; lists of numbers are not one number")
    func numberBoundaries() {
        let tokens = WordTokenizer().tokens("two thousand eighteen, two thousand nineteen")
        #expect(tokens.filter { $0.isAlias && $0.span > 1 }.map(\.term) == ["2018", "2019"])
        #expect(!WordTokenizer().tokens("one two three").contains { $0.term == "6" || $0.term == "123" })
    }

    @Test("runs of number words, `and`, `oh` and other words, cut by commas, get the aliases the rules give, word by word and whole")
    func numberRuns() {
        var generator = SeededGenerator(seed: 1207)
        let vocabulary = ["one", "two", "five", "nine", "ten", "twelve", "nineteen", "twenty", "forty", "ninety",
                          "hundred", "thousand", "million", "oh", "zero", "and", "river", "the", "seventy", "eight"]
        for _ in 0..<2_000 {
            var text = ""
            var words: [(term: String, afterComma: Bool, offset: Int)] = []
            for number in 0..<Int.random(in: 1...9, using: &generator) {
                let comma = number > 0 && Int.random(in: 0..<5, using: &generator) == 0
                if number > 0 { text += comma ? ", " : " " }
                let word = vocabulary.randomElement(using: &generator)!
                words.append((word, comma, text.count))
                text += word
            }
            // The rules, on strings: a run of number words (and `and` inside
            // one) ends at a comma or another word; trailing `and`s (and a
            // lone `oh`) are dropped; each number word gets its value, the
            // run of more than one its whole value.
            var expected: [String] = []
            var run: [(term: String, position: Int)] = []
            func flush() {
                while let last = run.last, last.term == "and" || (last.term == "oh" && run.count == 1) { run.removeLast() }
                for word in run where word.term != "and" {
                    if let value = SpokenNumbers.value(of: [word.term]) { expected.append("\(value)@\(word.position)+1") }
                }
                if run.count > 1, let value = SpokenNumbers.value(of: run.map(\.term)) {
                    expected.append("\(value)@\(run[0].position)+\(run.last!.position - run[0].position + 1)")
                }
                run.removeAll()
            }
            for (position, word) in words.enumerated() {
                let isNumber = SpokenNumbers.isNumberWord(word.term) || (word.term == "and" && !run.isEmpty)
                if (word.afterComma || !isNumber) && !run.isEmpty { flush() }
                if isNumber { run.append((word.term, position)) }
            }
            flush()
            let aliases = WordTokenizer().tokens(text).filter(\.isAlias).map { "\($0.term)@\($0.position)+\($0.span)" }
            #expect(aliases.sorted() == expected.sorted(), "\(text)")
        }
    }

    @Test("shownotes split into paragraphs at blank lines as a split by characters does, line feeds in any number, carriage returns too")
    func paragraphs() {
        var generator = SeededGenerator(seed: 88)
        let pieces = ["\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n", "\r\n\n", " ", "word", "é", "e\u{301}", "🎙️", "\n "]
        for round in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...10, using: &generator) {
                let piece = pieces.randomElement(using: &generator)!
                // Half the texts without a carriage return: the byte path.
                text += round % 2 == 0 ? piece.replacingOccurrences(of: "\r", with: "") : piece
            }
            #expect(Episode.paragraphs(text) == text.split(separator: "\n\n"), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("CJK characters are words of their own; offsets count scalars")
    func cjk() {
        let tokens = WordTokenizer().tokens("東京で cyber 🎙️ talk")
        #expect(tokens.map(\.term) == ["東", "京", "で", "cyber", "talk"])
        #expect(tokens[3].offset == 4)
        #expect(tokens[4].offset == 13)
    }

    @Test("the number word table knows every number word and `and`, and refuses others and look-alikes")
    func numberWordTable() {
        let table = NumberWordTable()
        func kind(_ word: String) -> NumberWordTable.Kind { Array(word.utf8).withUnsafeBufferPointer { table.kind($0) } }
        for word in Array(SpokenNumbers.small.keys) + Array(SpokenNumbers.tens.keys) + Array(SpokenNumbers.scales.keys) {
            #expect(kind(word) == .number, "\(word)")
        }
        #expect(kind("and") == .and)
        for word in ["the", "river", "x", "zebras", "thousands", "seventeem", "seventee", "an", "ands", "o", "", "hundreds"] {
            #expect(kind(word) == .none, "\(word)")
        }
    }

    @Test("plain ASCII words of every length, case and place in the text fold and count as a split by hand does")
    func plainWords() {
        var generator = SeededGenerator(seed: 31)
        let letters = Array("bcdfgBCDFGxyzXYZ0123456789qwQW")
        let gaps = [" ", "  ", ", ", ". ", "\n", "; ", "! ", "(", ")", "\t"]
        for _ in 0..<300 {
            var text = ""
            var expected: [(term: String, offset: Int, length: Int)] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text += gaps.randomElement(using: &generator)!
                let word = String((0..<Int.random(in: 1...30, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
                expected.append((word.lowercased(), text.count, word.count))
                text += word
            }
            if Bool.random(using: &generator) { text += gaps.randomElement(using: &generator)! }
            let tokens = WordTokenizer().tokens(text)
            #expect(tokens.map(\.term) == expected.map(\.term), "\(text)")
            #expect(tokens.map { Int($0.offset) } == expected.map(\.offset), "\(text)")
            #expect(tokens.map { Int($0.length) } == expected.map(\.length), "\(text)")
            #expect(tokens.map(\.position) == (0..<Int32(expected.count)).map { $0 })
            // The index's path: each word's first sixteen bytes as the term table reads them.
            WordTokenizer().forEachToken(text) { token in
                #expect(token.head == TermTable.head(token.bytes) && token.second == TermTable.second(token.bytes), "\(text)")
            }
        }
    }
}
