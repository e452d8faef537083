import Testing
@testable import EpisodeKit

/// The index must answer exactly what a slow, obviously right scan of every
/// segment and item answers.
@Suite("Index against a brute-force reference")
struct ReferenceSearchTests {
    /// Evaluates a query by tokenising every item and checking each requirement directly.
    static func reference(_ query: SearchQuery, in episode: Episode) -> [HitLocation] {
        var exactHits: [HitLocation] = []
        var fuzzyHits: [HitLocation] = []
        for item in episode.searchableItems {
            let tokens = WordTokenizer().tokens(item.text)
            var matches = true
            var needsFuzzy = false
            var anyRequired = false
            for requirement in query.requirements {
                let (exact, fuzzy) = satisfies(requirement, tokens)
                if requirement.excluded {
                    if exact { matches = false }
                } else {
                    anyRequired = true
                    if !exact && !fuzzy { matches = false }
                    if !exact && fuzzy { needsFuzzy = true }
                }
            }
            guard matches && anyRequired else { continue }
            let location = HitLocation(episode: 0, field: item.field, item: item.item, fuzzy: needsFuzzy)
            if needsFuzzy { fuzzyHits.append(location) } else { exactHits.append(location) }
        }
        return exactHits + fuzzyHits
    }

    static func satisfies(_ requirement: SearchQuery.Requirement, _ tokens: [WordToken]) -> (exact: Bool, fuzzy: Bool) {
        var exact = false
        var fuzzy = false
        for alternative in requirement.alternatives {
            switch alternative {
            case .word(let word, let prefix, let allowFuzzy):
                for token in tokens {
                    if token.term == word || (prefix && token.term.hasPrefix(word)) { exact = true }
                    let limit = EditDistance.allowance(forLength: word.unicodeScalars.count)
                    if allowFuzzy, limit > 0, !word.contains(where: \.isNumber), !(token.term.first?.isNumber ?? false),
                       ReferenceDistance.between(Array(token.term.unicodeScalars), Array(word.unicodeScalars)) <= limit {
                        fuzzy = true
                    }
                }
            case .phrase(let words):
                for start in tokens where start.term == words[0] {
                    var position = start.position + start.span
                    var complete = true
                    for word in words.dropFirst() {
                        guard let next = tokens.first(where: { $0.position == position && $0.term == word }) else {
                            complete = false
                            break
                        }
                        position = next.position + next.span
                    }
                    if complete { exact = true }
                }
            }
        }
        return (exact, fuzzy && !exact)
    }

    @Test("random queries over the sample agree with the reference")
    func randomQueries() {
        let episode = SearchIndexTests.sample
        let index = SearchIndexTests.index
        let vocabulary = Array(Set(episode.searchableItems.flatMap { WordTokenizer().tokens($0.text).filter { !$0.isAlias }.map(\.term) })).sorted()
        let bigrams: [String] = episode.segments.flatMap { segment -> [String] in
            let words = segment.text.split(separator: " ").map(String.init)
            return zip(words, words.dropFirst()).map { "\"\($0) \($1)\"" }
        }
        var generator = SeededGenerator(seed: 20261127)
        func word() -> String { vocabulary.randomElement(using: &generator)! }
        func misspelt() -> String {
            var letters = Array(word())
            if letters.count >= 4 { letters[Int.random(in: 0..<letters.count, using: &generator)] = "x" }
            return String(letters)
        }
        for round in 0..<400 {
            var parts: [String] = []
            switch round % 6 {
            case 0: parts = [word()]
            case 1: parts = [word(), word()]
            case 2: parts = [String(word().prefix(Int.random(in: 1...3, using: &generator)))]
            case 3: parts = [bigrams.randomElement(using: &generator)!]
            case 4: parts = [word(), "-" + word()]
            default: parts = [misspelt()]
            }
            let query = SearchQuery(parts.joined(separator: " "))
            let expected = Self.reference(query, in: episode)
            let actual = index.search(query).locations()
            #expect(actual == expected, "query: \(query.text)")
        }
    }
}

extension ReferenceSearchTests {
    @Test("phrases of a rare word and a common one, in either order, across hyphens and spoken numbers, agree with the reference")
    func lopsidedPhrases() {
        var generator = SeededGenerator(seed: 20261130)
        let common = ["the", "and", "of"]
        var segments: [Segment] = []
        for index in 0..<600 {
            var words: [String] = []
            for _ in 0..<Int.random(in: 8...20, using: &generator) { words.append(common.randomElement(using: &generator)!) }
            if index % 50 == 7 {
                let rare = ["the zebra", "zebra the", "Jong-un zebra", "twenty twenty-four zebra", "zebra of Kim's", "and the zebra quagga"]
                words.insert(rare.randomElement(using: &generator)!, at: Int.random(in: 0...words.count, using: &generator))
            }
            segments.append(Segment(index: index, start: TimeCode(milliseconds: index * 1000), text: words.joined(separator: " ")))
        }
        let episode = Episode(title: "Phrases", segments: segments, format: .text).resolvingEnds()
        let index = SearchIndex(episodes: [episode])
        let phrases = ["\"the zebra\"", "\"zebra the\"", "\"jongun zebra\"", "\"un zebra\"", "\"jong un zebra\"", "\"2024 zebra\"",
                       "\"twenty twenty-four zebra\"", "\"zebra of\"", "\"zebra of kim\"", "\"the zebra quagga\"", "\"and the zebra\"",
                       "\"the the\"", "\"of and the\"", "\"zebra quagga\"", "\"quagga the\""]
        for phrase in phrases {
            let query = SearchQuery(phrase)
            #expect(index.search(query).locations() == Self.reference(query, in: episode), "query: \(phrase)")
        }
        #expect(index.search(SearchQuery("\"the zebra\"")).total > 0)
    }
}

/// A small deterministic generator so a failing query can be replayed.
struct SeededGenerator: RandomNumberGenerator {
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


/// The distance the reference counts by, worked out in full (no bound, no
/// early exit): insertions, deletions, substitutions and swaps of two
/// neighbouring letters, on Unicode scalars.
enum ReferenceDistance {
    static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

@Suite("The fuzzy lookup against a scan of every word")
struct FuzzyLookupTests {
    /// A word with a letter changed, dropped, added, or two swapped, `times` times.
    static func misspelled(_ word: [Character], times: Int, letters: [Character],
                           using generator: inout some RandomNumberGenerator) -> [Character] {
        var word = word
        for _ in 0..<times where word.count > 2 {
            let at = Int.random(in: 0..<word.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: word[at] = letters.randomElement(using: &generator)!
            case 1: word.remove(at: at)
            case 2: word.insert(letters.randomElement(using: &generator)!, at: at)
            default: if at + 1 < word.count { word.swapAt(at, at + 1) }
            }
        }
        return word
    }

    /// Misspellings made from the index's own words: a letter changed,
    /// dropped, added, or two swapped, once or twice, in several scripts.
    @Test("the length and letter-set refusals never drop a word the full scan finds")
    func agreesWithScan() throws {
        var generator = SystemRandomNumberGenerator()
        var text = try Fixture.episode("talk.vtt").segments.map(\.text).joined(separator: " ")
        text += " Пхеньян Пхенян Αθήνας Αθήνς القاهرة القاهره nuclear nuclaer Ukraine ukriane strategic straetgic"
        let sample = Episode(title: "t", segments: [Segment(index: 0, start: .zero, text: text)], format: .text)
        let index = SearchIndex(episodes: [sample])
        let terms = (0..<index.termCount).map { index.term(Int32($0)) }
        let letters = Array("abcdefghijklmnopqrstuvwxyzйцукенгшщзαβγδ")
        for _ in 0..<400 {
            let word = Self.misspelled(Array(terms.randomElement(using: &generator)!), times: Int.random(in: 1...2, using: &generator),
                                       letters: letters, using: &generator)
            let query = String(word)
            guard !query.contains(where: \.isNumber) else { continue }
            let limit = EditDistance.allowance(forLength: query.unicodeScalars.count)
            let scanned = terms.indices.filter { id in
                let term = terms[id]
                return limit > 0 && term != query && !(term.first?.isNumber ?? false)
                    && ReferenceDistance.between(Array(term.unicodeScalars), Array(query.unicodeScalars)) <= limit
            }.map(Int32.init)
            #expect(index.fuzzyTermIDs(for: query) == scanned, "\(query)")
        }
    }

    /// A vocabulary big enough that the lookup's groups are full and its
    /// signatures' doubled-letter bits matter: 4,000 words of 3–16 letters
    /// from a small alphabet (so letters repeat), in families a few edits
    /// apart, a few letters in other scripts or digits; queries are
    /// misspellings of them, edited once or twice, and words made up.
    @Test("on a large vocabulary of repeated letters, the groups and signatures drop no word the full scan finds")
    func agreesWithScanOnLargeVocabulary() {
        var generator = SeededGenerator(seed: 42)
        let alphabet = Array("aeiorstlnsseeaaokpz")
        let extra = Array("äöüéйαß0123")
        func word(length: Int) -> String {
            String((0..<length).map { _ in
                generator.next() % 40 == 0 ? extra.randomElement(using: &generator)! : alphabet.randomElement(using: &generator)!
            })
        }
        func edited(_ word: [Character], times: Int) -> [Character] {
            Self.misspelled(word, times: times, letters: alphabet, using: &generator)
        }
        // Families of words a few edits apart, as real vocabularies have.
        var words = Set<String>()
        while words.count < 4_000 {
            let base = Array(word(length: Int.random(in: 3...16, using: &generator)))
            words.insert(String(base))
            for _ in 0..<3 { words.insert(String(edited(base, times: 1))) }
        }
        let text = words.sorted().joined(separator: " ")
        let index = SearchIndex(episodes: [Episode(title: "t", segments: [Segment(index: 0, start: .zero, text: text)], format: .text)])
        let terms = (0..<index.termCount).map { index.term(Int32($0)) }
        let termScalars = terms.map { Array($0.unicodeScalars) }
        var checked = 0, found = 0
        for round in 0..<200 {
            let letters = round % 10 == 0
                ? Array(word(length: Int.random(in: 4...14, using: &generator)))
                : edited(Array(terms.randomElement(using: &generator)!), times: Int.random(in: 1...2, using: &generator))
            let query = String(letters)
            guard !query.contains(where: \.isNumber) else { continue }
            let limit = EditDistance.allowance(forLength: query.unicodeScalars.count)
            let queryScalars = Array(query.unicodeScalars)
            let scanned = terms.indices.filter { id in
                // (Words further apart in length than the allowance are further apart in edits too.)
                limit > 0 && abs(termScalars[id].count - queryScalars.count) <= limit
                    && terms[id] != query && !(terms[id].first?.isNumber ?? false)
                    && ReferenceDistance.between(termScalars[id], queryScalars) <= limit
            }.map(Int32.init)
            #expect(index.fuzzyTermIDs(for: query) == scanned, "\(query)")
            checked += 1
            found += scanned.count
        }
        // The check means something only if words were found near most queries.
        print("large vocabulary: \(checked) queries, \(found) words found")
        #expect(checked > 150 && found > checked, "\(checked) queries, \(found) words found")
    }
}
