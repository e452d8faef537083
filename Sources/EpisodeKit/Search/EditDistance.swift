/// Levenshtein distance with an upper bound, on Unicode scalars.
enum EditDistance {
    /// How far a word of this length may be from a query word and still
    /// match fuzzily: 1 for 4–7 letters, 2 for 8 or more, 0 below 4.
    static func allowance(forLength length: Int) -> Int {
        length >= 8 ? 2 : length >= 4 ? 1 : 0
    }

    /// Whether `a` and `b` are within `limit` edits (insert, delete, substitute).
    static func within(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Bool {
        if abs(a.count - b.count) > limit { return false }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return false }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit
    }

    /// Reusable rows, so scanning a vocabulary allocates nothing per word.
    struct Buffer {
        var previous: [Int] = []
        var current: [Int] = []
    }

    /// The same bound check on UTF-8 bytes, for scanning a whole vocabulary.
    static func within(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8], limit: Int, buffer: inout Buffer) -> Bool {
        if abs(a.count - b.count) > limit { return false }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit }
        if buffer.previous.count < b.count + 1 {
            buffer.previous = [Int](repeating: 0, count: b.count + 1)
            buffer.current = [Int](repeating: 0, count: b.count + 1)
        }
        for j in 0...b.count { buffer.previous[j] = j }
        for i in 1...a.count {
            buffer.current[0] = i
            var rowMinimum = i
            let ai = a[i - 1]
            for j in 1...b.count {
                let cost = ai == b[j - 1] ? 0 : 1
                let value = min(buffer.previous[j] + 1, buffer.current[j - 1] + 1, buffer.previous[j - 1] + cost)
                buffer.current[j] = value
                if value < rowMinimum { rowMinimum = value }
            }
            if rowMinimum > limit { return false }
            swap(&buffer.previous, &buffer.current)
        }
        return buffer.previous[b.count] <= limit
    }
}
