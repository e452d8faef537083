/// A word's letters as 64 bits, counting up to two of each: bits 0–25 say a
/// letter a–z is there, bits 26–51 that it is there twice or more, and bits
/// 52–63 that some other letter (a digit, an accented or non-Latin letter;
/// folded onto twelve bits by value) is there.
///
/// One edit changes one letter's count by one (an insertion or deletion),
/// or two letters' counts (a substitution), or none (a swap); a count that
/// moves by one crosses at most one of the thresholds. So a word `limit`
/// edits away has at most `limit` bits the other lacks, on each side, and
/// most of a vocabulary is refused by a few bit operations before any edit
/// distance is worked out. Folding letters onto shared bits only makes sets
/// more alike, never less, so nothing that could match is refused; counting
/// doubled letters refuses more than presence alone (`assorter` is not near
/// `stare`).
enum LetterSet {
    /// The set of a word given as UTF-8 bytes.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var bits: UInt64 = 0
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for byte in bytes { add(UInt32(byte), to: &bits) }
        } else {
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars { add(scalar.value, to: &bits) }
        }
        return bits
    }

    /// The set of a word given as Unicode scalar values.
    static func of(_ letters: [UInt32]) -> UInt64 {
        var bits: UInt64 = 0
        for letter in letters { add(letter, to: &bits) }
        return bits
    }

    @inline(__always)
    private static func add(_ letter: UInt32, to bits: inout UInt64) {
        if letter >= 97 && letter <= 122 {
            let once: UInt64 = 1 << UInt64(letter - 97)
            bits |= bits & once == 0 ? once : once << 26
        } else {
            bits |= 1 << UInt64(52 + letter % 12)
        }
    }

    /// Whether at most `count` bits are set. Clearing the lowest bit a few
    /// times is what a scan of the vocabulary can afford: the portable build
    /// has no popcount instruction, and counting all 64 bits in software was
    /// four fifths of a fuzzy lookup.
    @inline(__always)
    static func atMost(_ bits: UInt64, _ count: Int) -> Bool {
        var rest = bits
        for _ in 0..<count where rest != 0 { rest &= rest &- 1 }
        return rest == 0
    }
}
