/// A set of search units as a bitmap: unions, intersections and counts over
/// hundreds of thousands of units in microseconds.
struct UnitSet: Equatable {
    private(set) var words: [UInt64]

    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    @inline(__always)
    mutating func insert(_ unit: Int) {
        words[unit >> 6] |= 1 << UInt64(unit & 63)
    }

    /// The units of postings (`unit << 32 | …`), those below `limit` (a
    /// unit past the end can only come from a damaged file). One tight loop:
    /// the commonest words have hundreds of thousands of postings.
    mutating func insertUnits(of postings: UnsafeBufferPointer<UInt64>, below limit: Int) {
        let bound = min(limit, words.count * 64)
        words.withUnsafeMutableBufferPointer { words in
            for posting in postings {
                let unit = Int(truncatingIfNeeded: posting >> 32)
                if unit < bound { words[unit >> 6] |= 1 << UInt64(unit & 63) }
            }
        }
    }

    /// Joins a bitmap of units (a common term's, from the index), those
    /// below `limit` (a damaged file may have bits past the end).
    mutating func formUnion(bits: UnsafeBufferPointer<UInt64>, below limit: Int) {
        let count = min(words.count, bits.count, (limit + 63) / 64)
        words.withUnsafeMutableBufferPointer { words in
            for index in 0..<count { words[index] |= bits[index] }
            // Units from `limit` on, in the last word, are not units.
            if count > 0, limit & 63 != 0, count == (limit + 63) / 64 { words[count - 1] &= (1 << UInt64(limit & 63)) - 1 }
        }
    }

    func contains(_ unit: Int) -> Bool {
        words[unit >> 6] & (1 << UInt64(unit & 63)) != 0
    }

    // Word by word through raw pointers, so the loops vectorise.
    mutating func formIntersection(_ other: UnitSet) {
        combine(other) { $0 & $1 }
    }

    mutating func formUnion(_ other: UnitSet) {
        combine(other) { $0 | $1 }
    }

    mutating func subtract(_ other: UnitSet) {
        combine(other) { $0 & ~$1 }
    }

    @inline(__always)
    private mutating func combine(_ other: UnitSet, _ operation: (UInt64, UInt64) -> UInt64) {
        let count = min(words.count, other.words.count)
        other.words.withUnsafeBufferPointer { theirs in
            words.withUnsafeMutableBufferPointer { mine in
                for index in 0..<count { mine[index] = operation(mine[index], theirs[index]) }
            }
        }
    }

    mutating func fill(count: Int) {
        words.withUnsafeMutableBufferPointer { words in
            for index in words.indices { words[index] = .max }
        }
        let extra = words.count * 64 - count
        if extra > 0, !words.isEmpty { words[words.count - 1] >>= UInt64(extra) }
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Members within a range of units, counted without listing them.
    func count(in range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        let first = range.lowerBound >> 6, last = (range.upperBound - 1) >> 6
        var total = 0
        for index in first...last {
            var word = words[index]
            if index == first { word &= ~0 << UInt64(range.lowerBound & 63) }
            if index == last, range.upperBound & 63 != 0 { word &= (1 << UInt64(range.upperBound & 63)) - 1 }
            total += word.nonzeroBitCount
        }
        return total
    }

    /// Members in ascending order, stopping after `limit`.
    func members(limit: Int = .max) -> [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                result.append(index << 6 | bit)
                if result.count >= limit { return result }
                bits &= bits - 1
            }
        }
        return result
    }

    /// Members within a range of units, in ascending order.
    func members(in range: Range<Int>) -> [Int] {
        guard !range.isEmpty else { return [] }
        var result: [Int] = []
        for wordIndex in (range.lowerBound >> 6)...((range.upperBound - 1) >> 6) where words[wordIndex] != 0 {
            var bits = words[wordIndex]
            while bits != 0 {
                let unit = wordIndex << 6 | bits.trailingZeroBitCount
                if range.contains(unit) { result.append(unit) }
                bits &= bits - 1
            }
        }
        return result
    }
}
