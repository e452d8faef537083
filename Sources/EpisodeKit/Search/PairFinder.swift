/// Where two of the commonest terms stand in a row, found in one worker's
/// postings as they are met (a unit's postings together, units in order):
/// for each posting of one, the postings of any that begins where it ends.
/// Each found pair is kept as the second word's posting, so a phrase goes on
/// from it as from a merge of the two words' lists.
struct PairFinder: Sendable {
    /// More common terms than this and the index keeps no pairs (their
    /// table would grow with the square of the count).
    static let mostTerms = 256

    let termCount: Int
    /// Per pair found: its number (first × count + second) and the posting.
    private(set) var pairs = PlainArray<Int32>(capacity: 4096)
    /// How many of each pair were found.
    private(set) var sizes: PlainArray<Int32>
    private(set) var postings = PlainArray<UInt64>(capacity: 4096)
    private var unit: UInt64 = .max
    /// The current unit's postings of common terms, and which term each is.
    private var current = PlainArray<UInt64>()
    private var currentTerms = PlainArray<Int16>()

    init(termCount: Int) {
        self.termCount = termCount
        sizes = PlainArray(repeating: 0, count: termCount * termCount)
    }

    /// Keeps a pair found.
    @inline(__always)
    private mutating func found(_ pair: Int32, _ posting: UInt64) {
        pairs.append(pair)
        postings.append(posting)
        sizes[Int(pair)] += 1
    }

    mutating func add(_ posting: UInt64, term: Int16) {
        if posting >> 32 != unit {
            flush()
            unit = posting >> 32
        }
        current.append(posting)
        currentTerms.append(term)
    }

    mutating func finish() { flush() }

    /// The pairs of the unit gathered so far.
    private mutating func flush() {
        defer {
            current.removeAll()
            currentTerms.removeAll()
        }
        guard current.count > 1 else { return }
        // Nearly every unit: words of one place each, in order, no two at
        // one place. Each pair is then two neighbours in the list, found once.
        var simple = current[0] & 0xFF == 1
        for index in 1..<current.count where simple {
            simple = current[index] & 0xFF == 1 && current[index] >> 8 > current[index - 1] >> 8
        }
        if simple {
            for index in 1..<current.count where current[index] >> 8 == (current[index - 1] >> 8) + 1 {
                found(Int32(currentTerms[index - 1]) * Int32(termCount) + Int32(currentTerms[index]), current[index])
            }
            return
        }
        // Number aliases come after the words they cover: in position order first.
        var current = Array(self.current), currentTerms = Array(self.currentTerms)
        if zip(current, current.dropFirst()).contains(where: { $0 > $1 }) {
            let order = current.indices.sorted { current[$0] < current[$1] }
            current = order.map { current[$0] }
            currentTerms = order.map { currentTerms[$0] }
        }
        let first = pairs.count
        for index in current.indices {
            let want = (current[index] >> 8) + (current[index] & 0xFF)
            // The first posting whose key is `want`, then all with that key.
            var low = 0, high = current.count
            while low < high {
                let middle = (low + high) >> 1
                if current[middle] >> 8 < want { low = middle + 1 } else { high = middle }
            }
            while low < current.count && current[low] >> 8 == want {
                let pair = Int32(currentTerms[index]) * Int32(termCount) + Int32(currentTerms[low])
                // Two places of one word may end where the same word begins
                // (a number and its spoken words): once. A unit finds few pairs.
                var seen = false
                for earlier in first..<pairs.count where pairs[earlier] == pair && postings[earlier] == current[low] { seen = true }
                if !seen { found(pair, current[low]) }
                low += 1
            }
        }
    }
}
