/// Edit distance with an upper bound, counted in letters (Unicode scalars
/// after folding, never UTF-8 bytes): `Пхенян` is one edit from `Пхеньян`,
/// as `Pyongyan` is from `Pyongyang`. A swap of two neighbouring letters is
/// one edit (optimal string alignment), so `korae` is one edit from `korea`.
enum EditDistance {
    /// How far a word of this length may be from a query word and still
    /// match fuzzily: 1 for 4–7 letters, 2 for 8 or more, 0 below 4.
    static func allowance(forLength length: Int) -> Int {
        length >= 8 ? 2 : length >= 4 ? 1 : 0
    }

    /// Whether `a` and `b` are within `limit` edits (insert, delete, substitute, swap neighbours).
    static func within(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Bool {
        var buffer = Buffer()
        return within(a.map(\.value), b.map(\.value), limit: limit, buffer: &buffer)
    }

    /// Reusable rows, so scanning a vocabulary allocates nothing per word.
    struct Buffer {
        var beforePrevious: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []
        /// A vocabulary word decoded to scalars.
        var word: [UInt32] = []
    }

    /// The bound check on scalar values.
    static func within(_ a: [UInt32], _ b: [UInt32], limit: Int, buffer: inout Buffer) -> Bool {
        if abs(a.count - b.count) > limit { return false }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit }
        if buffer.previous.count < b.count + 1 {
            buffer.beforePrevious = [Int](repeating: 0, count: b.count + 1)
            buffer.previous = buffer.beforePrevious
            buffer.current = buffer.beforePrevious
        }
        for j in 0...b.count { buffer.previous[j] = j }
        for i in 1...a.count {
            buffer.current[0] = i
            var rowMinimum = i
            let ai = a[i - 1]
            for j in 1...b.count {
                let cost = ai == b[j - 1] ? 0 : 1
                var value = min(buffer.previous[j] + 1, buffer.current[j - 1] + 1, buffer.previous[j - 1] + cost)
                if i > 1, j > 1, ai == b[j - 2], a[i - 2] == b[j - 1], ai != b[j - 1] {
                    value = min(value, buffer.beforePrevious[j - 2] + 1)
                }
                buffer.current[j] = value
                if value < rowMinimum { rowMinimum = value }
            }
            // A row all over the limit ends it: no later cell can come back under
            // (a swap reaches two rows up, but only through a cell of this row).
            if rowMinimum > limit { return false }
            swap(&buffer.beforePrevious, &buffer.previous)
            swap(&buffer.previous, &buffer.current)
        }
        return buffer.previous[b.count] <= limit
    }

    /// The check for a vocabulary word given as UTF-8 bytes, decoded into
    /// the buffer (ASCII, most words, byte for byte).
    static func within(_ word: UnsafeBufferPointer<UInt8>, _ target: [UInt32], limit: Int, buffer: inout Buffer) -> Bool {
        buffer.word.removeAll(keepingCapacity: true)
        if word.allSatisfy({ $0 < 0x80 }) {
            for byte in word { buffer.word.append(UInt32(byte)) }
        } else {
            for scalar in String(decoding: word, as: UTF8.self).unicodeScalars { buffer.word.append(scalar.value) }
        }
        if abs(buffer.word.count - target.count) > limit { return false }
        let decoded = buffer.word
        return within(decoded, target, limit: limit, buffer: &buffer)
    }
}
