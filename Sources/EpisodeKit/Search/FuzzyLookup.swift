/// Finds the vocabulary's words within a few edits of a word.
///
/// It reads the vocabulary as `FuzzyWords` lays it out: only the words whose
/// length is within the allowance (a few of the twenty-odd lengths), of
/// those only the groups whose key is near the query's, and of those it
/// refuses by their letter sets every word whose letters differ too
/// much (one edit brings in at most one letter and takes away at most one).
/// The few hundred that remain are checked with a bit-parallel edit
/// distance: the whole table of a word against the query in one machine
/// word per letter.
///
/// Edits count letters (Unicode scalars), and a swap of neighbours is one
/// edit: the answers are those of `EditDistance.within` on every word.
struct FuzzyLookup {
    let words: FuzzyWords

    func terms(within limit: Int, of word: [UInt32], excluding wordBytes: UnsafeBufferPointer<UInt8>) -> [Int32] {
        let length = word.count
        let letters = LetterSet.of(word)
        let queryKey = words.key(letters)
        let matcher = BitParallelDistance(word)
        var buffer = EditDistance.Buffer()
        var scalars: [UInt32] = []
        var result: [Int32] = []
        let lowest = max(0, length - limit), highest = length + limit
        let lastBucket = words.bucketCount - 1
        guard lastBucket >= 0 else { return [] }
        // First the letter sets alone, in tight passes over the groups near
        // the query's key, a length at a time; then the few left. Edits that
        // make up a difference in length bring in no letters on the longer
        // word's side: words two letters longer than a word two edits away
        // have none it lacks.
        var candidates: [Int32] = []
        let sets = words.letterSets
        var groups: [Int] = []
        var groupsFor: (Int, Int) = (-1, -1)
        // (Words longer than the last bucket's length all share that bucket.)
        for bucket in min(lowest, lastBucket)...min(highest, lastBucket) {
            let longer = bucket == lastBucket ? 0 : bucket - length
            let queryOnly = longer > 0 ? limit - longer : limit    // letters of the word the term may lack
            let termOnly = longer < 0 ? limit + longer : limit     // letters of the term the word may lack
            guard queryOnly >= 0, termOnly >= 0 else { continue }
            if groupsFor != (queryOnly, termOnly) {
                groupsFor = (queryOnly, termOnly)
                groups.removeAll(keepingCapacity: true)
                for key in 0..<FuzzyWords.groupCount
                where LetterSet.atMost(UInt64(queryKey & ~key), queryOnly) && LetterSet.atMost(UInt64(key & ~queryKey), termOnly) {
                    groups.append(key)
                }
            }
            for key in groups {
                for place in words.places(bucket: bucket, key: key) {
                    let set = sets[place]
                    if LetterSet.atMost(letters & ~set, queryOnly) && LetterSet.atMost(set & ~letters, termOnly) {
                        candidates.append(Int32(truncatingIfNeeded: place))
                    }
                }
            }
        }
        for candidate in candidates {
            let place = Int(candidate)
            let term = words.bytes(place)
            // Numbers are never near each other.
            guard let first = term.first, !(first >= 48 && first <= 57) else { continue }
            let close: Bool
            if let matcher, let distance = matcher.distance(toASCII: term, limit: limit) {
                // Most words: their bytes are their letters.
                close = distance <= limit
            } else {
                FuzzyLookup.decode(term, into: &scalars)
                guard abs(scalars.count - length) <= limit else { continue }
                if let matcher {
                    close = matcher.distance(to: scalars, limit: limit) <= limit
                } else {
                    close = EditDistance.within(scalars, word, limit: limit, buffer: &buffer)
                }
            }
            if close && IndexTables.compare(term, wordBytes) != 0 { result.append(words.ids[place]) }
        }
        result.sort()
        return result
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into letters: inout [UInt32]) {
        letters.removeAll(keepingCapacity: true)
        for byte in bytes {
            guard byte < 0x80 else {
                letters.removeAll(keepingCapacity: true)
                for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars { letters.append(scalar.value) }
                return
            }
            letters.append(UInt32(byte))
        }
    }

    /// Lengths in letters of the vocabulary's words, for laying out the
    /// table: words of `bucketCount - 1` letters or more share the last.
    static let bucketCount = 64
}

/// The edit distance (swaps of neighbours counting one) between a word of
/// up to 64 letters and any other, a column of the table per letter of the
/// other, each column a few operations on 64-bit words (Myers' algorithm,
/// with Hyyrö's extension for swaps).
struct BitParallelDistance {
    private let length: Int
    private var ascii = [UInt64](repeating: 0, count: 128)
    private var others: [(UInt32, UInt64)] = []

    init?(_ word: [UInt32]) {
        guard !word.isEmpty, word.count <= 64 else { return nil }
        length = word.count
        for (index, letter) in word.enumerated() {
            let bit: UInt64 = 1 << UInt64(index)
            if letter < 128 {
                ascii[Int(letter)] |= bit
            } else if let at = others.firstIndex(where: { $0.0 == letter }) {
                others[at].1 |= bit
            } else {
                others.append((letter, bit))
            }
        }
    }

    @inline(__always)
    private func positions(of letter: UInt32) -> UInt64 {
        if letter < 128 { return ascii[Int(letter)] }
        for entry in others where entry.0 == letter { return entry.1 }
        return 0
    }

    /// The distance to a word given as ASCII bytes; nil when it is not all ASCII.
    @inline(__always)
    func distance(toASCII other: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        guard abs(other.count - length) <= limit else {
            return other.allSatisfy({ $0 < 0x80 }) ? limit + 1 : nil
        }
        var state = State(length: length)
        for (index, byte) in other.enumerated() {
            guard byte < 0x80 else { return nil }
            state.step(ascii[Int(byte)])
            if state.score - (other.count - index - 1) > limit {
                return other[(index + 1)...].allSatisfy({ $0 < 0x80 }) ? limit + 1 : nil
            }
        }
        return state.score
    }

    /// The distance, or anything over `limit` once it cannot come back under.
    func distance(to other: [UInt32], limit: Int) -> Int {
        var state = State(length: length)
        for (index, letter) in other.enumerated() {
            state.step(positions(of: letter))
            // The last cell can fall by at most one per letter still to come.
            if state.score - (other.count - index - 1) > limit { return limit + 1 }
        }
        return state.score
    }

    /// One column of the table at a time.
    struct State {
        let mask: UInt64
        let last: UInt64
        var vertical: UInt64          // +1 steps down the column
        var verticalNegative: UInt64 = 0
        var score: Int
        var previousDiagonal: UInt64 = 0
        var previousMatches: UInt64 = 0

        init(length: Int) {
            mask = length == 64 ? .max : (1 << UInt64(length)) - 1
            last = 1 << UInt64(length - 1)
            vertical = mask
            score = length
        }

        @inline(__always)
        mutating func step(_ matches: UInt64) {
            // A swap: this letter matches one position on, the last one this position.
            let swap = (((~previousDiagonal) & matches) << 1) & previousMatches
            let diagonal = ((((matches & vertical) &+ vertical) ^ vertical) | matches | verticalNegative | swap) & mask
            var horizontal = verticalNegative | ~(diagonal | vertical)
            var horizontalNegative = vertical & diagonal
            if horizontal & last != 0 { score += 1 } else if horizontalNegative & last != 0 { score -= 1 }
            // The table's first row counts letters of the other word (a global distance).
            horizontal = (horizontal << 1) | 1
            horizontalNegative <<= 1
            vertical = (horizontalNegative | ~(diagonal | horizontal)) & mask
            verticalNegative = horizontal & diagonal & mask
            previousDiagonal = diagonal
            previousMatches = matches
        }
    }
}
