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
/// neighbours', so the few left are checked without jumping about memory.
final class FuzzyWords: @unchecked Sendable {
    /// Bits of a group key; `1 << keyBits` groups per length.
    static let keyBits = 10
    static let groupCount = 1 << keyBits

    /// Written once here, then only read.
    private let text: UnsafeMutableBufferPointer<UInt8>
    private let starts: [UInt32]
    /// Per place: the word's term ID and letter set.
    let ids: [Int32]
    let letterSets: [UInt64]
    /// Per length bucket, the first place of each group, and the bucket's end last.
    private let groupStarts: [UInt32]
    /// The letter set's bits that make a group key, lowest key bit first.
    private let keyPositions: [Int]

    init(tables: IndexTables) {
        let buckets = max(0, tables.lengthStarts.count - 1)
        let order = tables.fuzzyOrder
        let fileSets = tables.fuzzyLetters
        var bitCounts = [Int](repeating: 0, count: 64)
        for place in order.indices {
            var bits = place < fileSets.count ? fileSets[place] : 0
            while bits != 0 {
                bitCounts[bits.trailingZeroBitCount] += 1
                bits &= bits &- 1
            }
        }
        // The bits that come nearest to splitting the words in half.
        let half = order.count / 2
        keyPositions = Array((0..<64).sorted { (abs(bitCounts[$0] - half), $0) < (abs(bitCounts[$1] - half), $1) }
            .prefix(Self.keyBits))

        // Within each length, a counting sort by key. Words that begin with a
        // digit are left out: numbers never match fuzzily.
        var newOrder: [Int] = []
        newOrder.reserveCapacity(order.count)
        var groupStarts = [UInt32](repeating: 0, count: buckets * (Self.groupCount + 1))
        var keys: [Int] = []
        for bucket in 0..<buckets {
            let lower = min(Int(tables.lengthStarts[bucket]), order.count)
            let upper = min(max(lower, Int(tables.lengthStarts[bucket + 1])), order.count)
            keys.removeAll(keepingCapacity: true)
            var counts = [Int](repeating: 0, count: Self.groupCount)
            var places: [Int] = []
            for place in lower..<upper {
                let bytes = tables.termBytes(Int(order[place]))
                if let first = bytes.first, first >= 48 && first <= 57 { continue }
                let key = Self.key(place < fileSets.count ? fileSets[place] : 0, positions: keyPositions)
                keys.append(key)
                places.append(place)
                counts[key] += 1
            }
            let base = bucket * (Self.groupCount + 1)
            var cursor = newOrder.count
            for key in 0..<Self.groupCount {
                groupStarts[base + key] = UInt32(truncatingIfNeeded: cursor)
                cursor += counts[key]
            }
            groupStarts[base + Self.groupCount] = UInt32(truncatingIfNeeded: cursor)
            var next = (0..<Self.groupCount).map { Int(groupStarts[base + $0]) - newOrder.count }
            var sorted = [Int](repeating: 0, count: places.count)
            for (number, place) in places.enumerated() {
                sorted[next[keys[number]]] = place
                next[keys[number]] += 1
            }
            newOrder += sorted
        }
        self.groupStarts = groupStarts

        var total = 0
        for place in newOrder { total += tables.termBytes(Int(order[place])).count }
        text = .allocate(capacity: max(total, 1))
        var starts: [UInt32] = [0]
        starts.reserveCapacity(newOrder.count + 1)
        var cursor = 0
        for place in newOrder {
            for byte in tables.termBytes(Int(order[place])) { text[cursor] = byte; cursor += 1 }
            starts.append(UInt32(truncatingIfNeeded: cursor))
        }
        self.starts = starts
        ids = newOrder.map { Int32(bitPattern: order[$0]) }
        letterSets = newOrder.map { $0 < fileSets.count ? fileSets[$0] : 0 }
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
    func key(_ letters: UInt64) -> Int { Self.key(letters, positions: keyPositions) }

    private static func key(_ letters: UInt64, positions: [Int]) -> Int {
        var key = 0
        for (bit, position) in positions.enumerated() { key |= Int((letters >> UInt64(position)) & 1) << bit }
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
