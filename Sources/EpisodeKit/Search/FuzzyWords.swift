/// The vocabulary laid out for fuzzy lookups, made from an index's tables the
/// first time it is searched fuzzily (a few milliseconds for 100,000 words),
/// kept in memory, not in the index file.
///
/// Words are grouped by length (as the file's fuzzy table orders them), and
/// within a length by a *group key*: ten bits of their letter set (see
/// `LetterSet`), the ten that split the vocabulary most evenly. A lookup
/// reads only the groups whose key is close enough to the query's — the
/// same test as for whole letter sets, on fewer bits — so it touches a fifth
/// of the words of each length instead of all of them, then refuses most of
/// those by their whole letter set. Each word's bytes lie beside its
/// group's, so the few left are checked without jumping about memory.
final class FuzzyWords: @unchecked Sendable {
    /// Bits of a group key; `1 << keyBits` groups per length.
    static let keyBits = 10
    static let groupCount = 1 << keyBits

    /// The words' bytes in this table's order, so the few a lookup checks
    /// lie near each other in memory. Written once here, then only read.
    private let text: UnsafeMutableBufferPointer<UInt8>
    private let starts: [UInt32]
    /// Per place: the word's term ID and letter set.
    let ids: [Int32]
    let letterSets: [UInt64]
    /// Per length bucket, the first place of each group, and the bucket's end last.
    private let groupStarts: [UInt32]
    /// The letter set's bits that make a group key (the lowest of them is
    /// the key's lowest bit).
    private let keyMask: UInt64

    /// Reads the file's fuzzy table in its order (by length) only: a new
    /// process lays this out before its first fuzzy answer, and reading the
    /// mapped tables out of order cost it page after page.
    init(tables: IndexTables) {
        let buckets = max(0, tables.lengthStarts.count - 1)
        let order = tables.fuzzyOrder
        let fileSets = tables.fuzzyLetters
        let places = min(order.count, fileSets.count)
        // How often each bit is set, from up to 16,384 words spread over
        // the table (the key's bits decide only how fast a lookup is).
        var bitCounts = [Int](repeating: 0, count: 64)
        let stride = max(1, places / 16_384)
        for place in Swift.stride(from: 0, to: places, by: stride) {
            var bits = fileSets[place]
            while bits != 0 {
                bitCounts[bits.trailingZeroBitCount] += 1
                bits &= bits &- 1
            }
        }
        // The bits that come nearest to splitting the words in half.
        let half = (places + stride - 1) / stride / 2
        keyMask = (0..<64).sorted { (abs(bitCounts[$0] - half), $0) < (abs(bitCounts[$1] - half), $1) }
            .prefix(Self.keyBits).reduce(0) { $0 | 1 << UInt64($1) }

        // Within each length, a counting sort by key.
        var keys = [UInt16](repeating: 0, count: places)
        for place in 0..<places { keys[place] = UInt16(truncatingIfNeeded: Self.key(fileSets[place], mask: keyMask)) }
        var groupStarts = [UInt32](repeating: 0, count: buckets * (Self.groupCount + 1))
        var ids = [Int32](repeating: 0, count: places)
        var letterSets = [UInt64](repeating: 0, count: places)
        var counts = [Int](repeating: 0, count: Self.groupCount)
        var destinations = [Int32](repeating: 0, count: places)
        var lower = 0
        for bucket in 0..<buckets {
            // (A damaged file's length table may run backwards: such a bucket is empty.)
            let upper = min(max(lower, Int(tables.lengthStarts[bucket + 1])), places)
            for key in 0..<Self.groupCount { counts[key] = 0 }
            for place in lower..<upper { counts[Int(keys[place])] += 1 }
            let base = bucket * (Self.groupCount + 1)
            var cursor = lower
            for key in 0..<Self.groupCount {
                groupStarts[base + key] = UInt32(truncatingIfNeeded: cursor)
                let size = counts[key]
                counts[key] = cursor    // now where the group's next word goes
                cursor += size
            }
            groupStarts[base + Self.groupCount] = UInt32(truncatingIfNeeded: cursor)
            for place in lower..<upper {
                let key = Int(keys[place])
                destinations[place] = Int32(truncatingIfNeeded: counts[key])
                ids[counts[key]] = Int32(bitPattern: order[place])
                letterSets[counts[key]] = fileSets[place]
                counts[key] += 1
            }
            lower = upper
        }
        self.groupStarts = groupStarts
        self.ids = ids
        self.letterSets = letterSets

        // The bytes, read in the file's order (by length, then by rank: the
        // vocabulary swept once per length) and written to their places.
        var lengths = [UInt32](repeating: 0, count: places + 1)
        for place in 0..<places { lengths[Int(destinations[place])] = UInt32(truncatingIfNeeded: tables.termBytes(Int(order[place])).count) }
        var starts = [UInt32](repeating: 0, count: places + 1)
        for place in 0..<places { starts[place + 1] = starts[place] &+ lengths[place] }
        text = .allocate(capacity: max(Int(starts[places]), 1))
        for place in 0..<places {
            let bytes = tables.termBytes(Int(order[place]))
            let at = Int(starts[Int(destinations[place])])
            for (offset, byte) in bytes.enumerated() { text[at + offset] = byte }
        }
        self.starts = starts
    }

    deinit { text.deallocate() }

    /// The length buckets this table has.
    var bucketCount: Int { groupStarts.count / (Self.groupCount + 1) }

    /// The places of one group of a length bucket.
    @inline(__always)
    func places(bucket: Int, key: Int) -> Range<Int> {
        let at = bucket * (Self.groupCount + 1) + key
        return Int(groupStarts[at])..<Int(groupStarts[at + 1])
    }

    /// The group key of a letter set.
    func key(_ letters: UInt64) -> Int { Self.key(letters, mask: keyMask) }

    /// The mask's bits of `letters`, gathered into the lowest bits.
    @inline(__always)
    private static func key(_ letters: UInt64, mask: UInt64) -> Int {
        var key = 0, bit = 1
        var rest = mask
        while rest != 0 {
            if letters & rest & (0 &- rest) != 0 { key |= bit }
            bit <<= 1
            rest &= rest &- 1
        }
        return key
    }

    /// The word at a place, valid while this object lives.
    @inline(__always)
    func bytes(_ place: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: UnsafeBufferPointer(text)[Int(starts[place])..<Int(starts[place + 1])])
    }

    /// Bytes this table holds, for the benchmark.
    var memory: Int { text.count + starts.count * 4 + ids.count * 4 + letterSets.count * 8 + groupStarts.count * 4 }
}
