/// Tells, for every word the tokenizer meets, whether it is a number word
/// (`seventeen`, `thousand`, `oh`) or `and`, without making a string: a
/// small hash table over the words' first eight bytes and length. Nearly
/// every word of a text is refused by one load and one compare.
struct NumberWordTable {
    enum Kind { case none, number, and }

    /// Made once; each tokenizer keeps a copy (the arrays are shared).
    static let shared = NumberWordTable()

    /// 256 places (a word that is no number word nearly always meets an
    /// empty one first): a word's first eight bytes, or 0 for an empty place
    /// (no number word has eight zero bytes); beside each, its length, its
    /// kind and the word itself (for the rare look-alike with the same head).
    private static let places = 256
    private var heads = [UInt64](repeating: 0, count: places)
    private var lengths = [Int](repeating: 0, count: places)
    private var kinds = [Kind](repeating: .none, count: places)
    private var words = [[UInt8]](repeating: [], count: places)
    /// The word as a string, and its value said alone (`SpokenNumbers.value`),
    /// so a run of number words is kept as places, not strings.
    private var terms = [String](repeating: "", count: places)
    private var alone = [Int?](repeating: nil, count: places)

    init() {
        let numbers = Array(SpokenNumbers.small.keys) + Array(SpokenNumbers.tens.keys) + Array(SpokenNumbers.scales.keys)
        for (word, kind) in numbers.map({ ($0, Kind.number) }) + [("and", Kind.and)] {
            let bytes = Array(word.utf8)
            let head = bytes.withUnsafeBufferPointer { TermTable.head($0) }
            var place = Self.place(of: head)
            while heads[place] != 0 { place = (place + 1) & (Self.places - 1) }
            heads[place] = head
            lengths[place] = bytes.count
            kinds[place] = kind
            words[place] = bytes
            terms[place] = word
            alone[place] = SpokenNumbers.value(of: [word])
        }
    }

    @inline(__always)
    private static func place(of head: UInt64) -> Int {
        Int(truncatingIfNeeded: (head &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    /// What kind of word `bytes` (folded) is.
    @inline(__always)
    func kind(_ bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        kind(bytes, head: TermTable.head(bytes))
    }

    /// The same, with the word's first eight bytes at hand.
    @inline(__always)
    func kind(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64) -> Kind {
        let place = self.place(bytes, head: head)
        return place < 0 ? .none : kinds[place]
    }

    /// Where the number word (or `and`) `bytes` is kept, or -1 for any
    /// other word.
    @inline(__always)
    func place(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64) -> Int {
        guard bytes.count >= 2, bytes.count <= 9 else { return -1 }
        var place = Self.place(of: head)
        while heads[place] != 0 {
            if heads[place] == head && lengths[place] == bytes.count {
                return bytes.count <= 8 || words[place].elementsEqual(bytes) ? place : -1
            }
            place = (place + 1) & (Self.places - 1)
        }
        return -1
    }

    /// The kind, the word and its value alone, of the word kept at `place`.
    func kind(at place: Int) -> Kind { kinds[place] }
    func term(at place: Int) -> String { terms[place] }
    func valueAlone(at place: Int) -> Int? { alone[place] }
}
