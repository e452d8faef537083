/// One requirement of a query, resolved against an index's vocabulary.
struct RequirementMatcher: Sendable {
    struct WordMatch: Sendable {
        var word: String
        var prefix: Bool
        var exactIDs: [Int32]
        var fuzzyTerms: Set<String>
        var fuzzyIDs: [Int32]
    }

    let requirement: SearchQuery.Requirement
    var words: [WordMatch] = []
    var phrases: [[String]] = []

    init(requirement: SearchQuery.Requirement, index: SearchIndex) {
        self.requirement = requirement
        for alternative in requirement.alternatives {
            switch alternative {
            case .word(let word, let prefix, let fuzzy):
                var exactIDs = prefix ? index.termIDs(withPrefix: word) : []
                if !prefix, let id = index.termIDs[word] { exactIDs = [id] }
                let fuzzyIDs = fuzzy ? index.fuzzyTermIDs(for: word).filter { !exactIDs.contains($0) } : []
                words.append(WordMatch(word: word, prefix: prefix, exactIDs: exactIDs,
                                       fuzzyTerms: Set(fuzzyIDs.map { index.terms[Int($0)] }), fuzzyIDs: fuzzyIDs))
            case .phrase(let phrase):
                phrases.append(phrase)
            }
        }
    }

    /// Units matching exactly, and units matching only with fuzzy help.
    func units(in index: SearchIndex) -> (exact: UnitSet, fuzzy: UnitSet) {
        var exact = UnitSet(capacity: index.unitCount)
        var fuzzy = UnitSet(capacity: index.unitCount)
        for word in words {
            for id in word.exactIDs {
                for posting in index.postings[Int(id)] { exact.insert(SearchIndex.unit(of: posting)) }
            }
            for id in word.fuzzyIDs {
                for posting in index.postings[Int(id)] { fuzzy.insert(SearchIndex.unit(of: posting)) }
            }
        }
        for phrase in phrases {
            for unit in PhraseMatcher.units(phrase, in: index) { exact.insert(unit) }
        }
        fuzzy.subtract(exact)
        return (exact, fuzzy)
    }

    /// Whether a token of some text satisfies one of this requirement's words.
    func accepts(_ term: String) -> (matches: Bool, fuzzy: Bool) {
        for word in words {
            if term == word.word || (word.prefix && term.hasPrefix(word.word)) { return (true, false) }
            if word.fuzzyTerms.contains(term) { return (true, true) }
        }
        return (false, false)
    }
}

/// Finds units where words stand in a row, using positions in the postings.
enum PhraseMatcher {
    static func units(_ phrase: [String], in index: SearchIndex) -> [Int] {
        var lists: [[UInt64]] = []
        for word in phrase {
            guard let id = index.termIDs[word] else { return [] }
            lists.append(index.postings[Int(id)])
        }
        guard var current = lists.first else { return [] }
        // `current` holds, per partial match, the key (unit, next position) it needs next.
        var needed = current.map { ($0 >> 32) << 32 | UInt64(SearchIndex.position(of: $0) + SearchIndex.span(of: $0)) }
        for list in lists.dropFirst() {
            needed.sort()
            var next: [UInt64] = []
            var i = 0
            var j = 0
            while i < needed.count && j < list.count {
                let key = (list[j] >> 32) << 32 | UInt64(SearchIndex.position(of: list[j]))
                if needed[i] < key {
                    i += 1
                } else if needed[i] > key {
                    j += 1
                } else {
                    next.append((key >> 32) << 32 | UInt64(SearchIndex.position(of: list[j]) + SearchIndex.span(of: list[j])))
                    j += 1
                }
            }
            needed = next
            if needed.isEmpty { return [] }
        }
        current = needed
        var units: [Int] = []
        for key in current {
            let unit = Int(key >> 32)
            if units.last != unit { units.append(unit) }
        }
        return units
    }
}

/// Finds what to highlight in a text for a query's requirements.
enum Highlighter {
    static func ranges(in text: String, matchers: [RequirementMatcher]) -> (ranges: [Range<Int>], fuzzyWords: [String]) {
        let tokens = WordTokenizer().tokens(text)
        var ranges: [Range<Int>] = []
        var fuzzyWords: [String] = []
        let scalars = Array(text.unicodeScalars)
        for matcher in matchers {
            for token in tokens {
                let verdict = matcher.accepts(token.term)
                guard verdict.matches else { continue }
                ranges.append(Int(token.offset)..<Int(token.offset + token.length))
                if verdict.fuzzy {
                    let word = String(String.UnicodeScalarView(scalars[Int(token.offset)..<Int(token.offset + token.length)]))
                    if !fuzzyWords.contains(word) { fuzzyWords.append(word) }
                }
            }
            for phrase in matcher.phrases {
                ranges += occurrences(of: phrase, in: tokens)
            }
        }
        return (merge(ranges), fuzzyWords)
    }

    /// Where the words of `phrase` stand in a row among `tokens`.
    private static func occurrences(of phrase: [String], in tokens: [WordToken]) -> [Range<Int>] {
        guard let first = phrase.first else { return [] }
        var byPosition: [Int32: [WordToken]] = [:]
        for token in tokens { byPosition[token.position, default: []].append(token) }
        var found: [Range<Int>] = []
        for start in tokens where start.term == first {
            var end = start
            var position = start.position + start.span
            var complete = true
            for word in phrase.dropFirst() {
                guard let next = byPosition[position]?.first(where: { $0.term == word }) else {
                    complete = false
                    break
                }
                end = next
                position = next.position + next.span
            }
            if complete { found.append(Int(start.offset)..<Int(end.offset + end.length)) }
        }
        return found
    }

    /// Sorted, with overlapping ranges joined.
    static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
