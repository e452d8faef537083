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
                if !prefix, let id = index.termID(for: word) { exactIDs = [id] }
                let fuzzyIDs = fuzzy ? index.fuzzyTermIDs(for: word).filter { !exactIDs.contains($0) } : []
                words.append(WordMatch(word: word, prefix: prefix, exactIDs: exactIDs,
                                       fuzzyTerms: Set(fuzzyIDs.map { index.term($0) }), fuzzyIDs: fuzzyIDs))
            case .phrase(let phrase):
                phrases.append(phrase)
            }
        }
    }

    /// Units matching exactly, and units matching only with fuzzy help.
    func units(in index: SearchIndex) -> (exact: UnitSet, fuzzy: UnitSet) {
        var exact = UnitSet(capacity: index.unitCount)
        var fuzzy = UnitSet(capacity: index.unitCount)
        let units = index.unitCount
        // A unit past the end can only come from a damaged file: skipped.
        let tables = index.tables
        for word in words {
            for id in word.exactIDs {
                if let bits = tables.unitBits(ofTerm: Int(id)) { exact.formUnion(bits: bits, below: units) } else { exact.insertUnits(of: index.postings(of: id), below: units) }
            }
            for id in word.fuzzyIDs {
                if let bits = tables.unitBits(ofTerm: Int(id)) { fuzzy.formUnion(bits: bits, below: units) } else { fuzzy.insertUnits(of: index.postings(of: id), below: units) }
            }
        }
        for phrase in phrases {
            for unit in PhraseMatcher.units(phrase, in: index) where unit < units { exact.insert(unit) }
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
        var lists: [UnsafeBufferPointer<UInt64>] = []
        var ids: [Int] = []
        for word in phrase {
            guard let id = index.termID(for: word) else { return [] }
            lists.append(index.postings(of: id))
            ids.append(Int(id))
        }
        guard let first = lists.first else { return [] }
        // A key is `unit << 24 | position` (a posting without its span);
        // `needed` holds, per partial match, the key its next word must have.
        var needed: [UInt64]
        var remaining = lists.dropFirst()
        if ids.count >= 2, let pairs = index.tables.pairPostings(ids[0], ids[1]) {
            // Two of the commonest words: the index has their pairs already.
            needed = pairs.map { ($0 >> 8) + ($0 & 0xFF) }
            remaining = remaining.dropFirst()
            if needed.isEmpty { return [] }
        } else if let second = remaining.first, second.count * lopsided < first.count {
            // A rare word after a common one: each of the rare word's places
            // looks back for the common word.
            needed = lookBack(second, in: first, units: index.tables.unitBits(ofTerm: ids[0]))
            remaining = remaining.dropFirst()
            if needed.isEmpty { return [] }
        } else if let second = remaining.first, first.count * lopsided < second.count {
            // A rare word before a common one: each place looks ahead.
            needed = []
            var from = 0, previous: UInt64 = 0
            let units = index.tables.unitBits(ofTerm: ids[1])
            for posting in first {
                // (A common word's units as a bitmap: no look where it is not.)
                if let units, !Self.contains(units, unit: posting >> 32) { continue }
                let want = (posting >> 8) + (posting & 0xFF)
                if want < previous { from = 0 }   // (a longer span before: look from the start)
                previous = want
                var at = gallop(second, from: from, key: want)
                from = at
                while at < second.count && second[at] >> 8 == want {
                    needed.append(want + (second[at] & 0xFF))
                    at += 1
                }
            }
            remaining = remaining.dropFirst()
            if needed.isEmpty { return [] }
        } else if let second = remaining.first, isAscending(first, shifted: true) {
            // The common case: the first word's next keys are already in order,
            // so the first two lists merge without building them.
            needed = mergeFirstPair(first, second)
            remaining = remaining.dropFirst()
            if needed.isEmpty { return [] }
        } else {
            needed = [UInt64](unsafeUninitializedCapacity: first.count) { buffer, count in
                for index in 0..<first.count { buffer[index] = (first[index] >> 8) + (first[index] & 0xFF) }
                count = first.count
            }
        }
        for list in remaining {
            if !isAscending(needed) { needed.sort() }
            var next: [UInt64] = []
            if list.count * lopsided < needed.count {
                // Few postings against many partial matches: look each one up.
                needed.withUnsafeBufferPointer { wants in
                    var from = 0, previous: UInt64 = 0
                    for posting in list {
                        let key = posting >> 8
                        if key < previous { from = 0 }
                        previous = key
                        from = gallop(wants, from: from, key: key, shift: 0)
                        if from < wants.count && wants[from] == key { next.append(key + (posting & 0xFF)) }
                    }
                }
            } else if needed.count * lopsided < list.count {
                var from = 0
                for want in needed {
                    // (`needed` ascends: each look starts where the last ended.)
                    var j = gallop(list, from: from, key: want)
                    from = j
                    while j < list.count && list[j] >> 8 == want {
                        next.append(want + (list[j] & 0xFF))
                        j += 1
                    }
                }
            } else {
                next.reserveCapacity(min(needed.count, list.count))
                needed.withUnsafeBufferPointer { wants in
                    do {
                        let postings = list
                        var i = 0
                        var j = 0
                        let wantCount = wants.count, postingCount = postings.count
                        while i < wantCount && j < postingCount {
                            let posting = postings[j]
                            let key = posting >> 8
                            let want = wants[i]
                            if want == key { next.append(key + (posting & 0xFF)) }
                            // Branch-free steps (see mergeFirstPair); on a match only
                            // the posting moves on, as another partial match may want it.
                            i &+= want < key ? 1 : 0
                            j &+= key <= want ? 1 : 0
                        }
                    }
                }
            }
            needed = next
            if needed.isEmpty { return [] }
        }
        var units: [Int] = []
        for key in needed {
            let unit = Int(key >> 24)
            if units.last != unit { units.append(unit) }
        }
        return units
    }

    /// Places of `later` that some posting of `earlier` ends right before
    /// (`earlier`'s key + span = `later`'s key), as next keys. A span is at
    /// most 255 positions, so only that window before each place is read.
    private static func lookBack(_ later: UnsafeBufferPointer<UInt64>, in earlier: UnsafeBufferPointer<UInt64>,
                                 units: UnsafeBufferPointer<UInt64>?) -> [UInt64] {
        var next: [UInt64] = []
        var from = 0, previous: UInt64 = 0
        for posting in later {
            if let units, !contains(units, unit: posting >> 32) { continue }
            let key = posting >> 8
            let position = key & 0xFF_FFFF
            let lowest = key - min(position, 255)
            if lowest < previous { from = 0 }
            previous = lowest
            var low = gallop(earlier, from: from, key: lowest)
            from = low
            while low < earlier.count && earlier[low] >> 8 < key {
                if (earlier[low] >> 8) + (earlier[low] & 0xFF) == key {
                    next.append(key + (posting & 0xFF))
                    break
                }
                low += 1
            }
        }
        return next
    }

    /// Matches of the first word followed by the second, as next keys.
    private static func mergeFirstPair(_ wants: UnsafeBufferPointer<UInt64>, _ postings: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        var next: [UInt64] = []
        do {
            do {
                var i = 0, j = 0
                let wantCount = wants.count, postingCount = postings.count
                // Branch-free steps: which list moves on is hard to predict,
                // and mispredicted branches would cost more than the work.
                while i < wantCount && j < postingCount {
                    let want = (wants[i] >> 8) + (wants[i] & 0xFF)
                    let posting = postings[j]
                    let key = posting >> 8
                    if want == key { next.append(key + (posting & 0xFF)) }
                    i &+= want <= key ? 1 : 0
                    j &+= key <= want ? 1 : 0
                }
            }
        }
        return next
    }

    /// Whether the postings' next keys (`key + span`) never go down.
    private static func isAscending(_ postings: UnsafeBufferPointer<UInt64>, shifted: Bool) -> Bool {
        var previous: UInt64 = 0
        for posting in postings {
            let key = (posting >> 8) + (posting & 0xFF)
            if key < previous { return false }
            previous = key
        }
        return true
    }

    /// Whether a unit's bit is set in a bitmap of units (out of range: not).
    @inline(__always)
    private static func contains(_ units: UnsafeBufferPointer<UInt64>, unit: UInt64) -> Bool {
        let word = Int(truncatingIfNeeded: unit >> 6)
        return word < units.count && units[word] & (1 << (unit & 63)) != 0
    }

    /// When one list is this many times longer than the other, the shorter
    /// one's entries are looked up in it rather than the two merged.
    private static let lopsided = 4

    /// The first place at or after `from` whose key (`value >> shift`) is
    /// `key` or more, for keys that ascend from `from` on: steps of 1, 2,
    /// 4… from there, then a binary search within the last step. Lookups
    /// for ascending keys stay near each other in memory, where a binary
    /// search over the whole list started far away each time.
    @inline(__always)
    private static func gallop(_ values: UnsafeBufferPointer<UInt64>, from: Int, key: UInt64, shift: UInt64 = 8) -> Int {
        var low = min(max(from, 0), values.count), high = low, step = 1
        while high < values.count && values[high] >> shift < key {
            low = high + 1
            high += step
            step <<= 1
        }
        high = min(high, values.count)
        while low < high {
            let middle = (low + high) >> 1
            if values[middle] >> shift < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func isAscending(_ keys: [UInt64]) -> Bool {
        var previous: UInt64 = 0
        for key in keys {
            if key < previous { return false }
            previous = key
        }
        return true
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

    /// Where the words of `phrase` stand in a row among `tokens` (which are
    /// in position order).
    private static func occurrences(of phrase: [String], in tokens: [WordToken]) -> [Range<Int>] {
        guard let first = phrase.first else { return [] }
        var found: [Range<Int>] = []
        for (startIndex, start) in tokens.enumerated() where start.term == first {
            var end = start
            var position = start.position + start.span
            var cursor = startIndex + 1
            var complete = true
            for word in phrase.dropFirst() {
                while cursor < tokens.count && tokens[cursor].position < position { cursor += 1 }
                var match: Int?
                var probe = cursor
                while probe < tokens.count && tokens[probe].position == position {
                    if tokens[probe].term == word { match = probe; break }
                    probe += 1
                }
                guard let match else {
                    complete = false
                    break
                }
                end = tokens[match]
                position = end.position + end.span
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
