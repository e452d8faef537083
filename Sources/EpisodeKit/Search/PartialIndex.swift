/// One worker's share of the index, with its own term numbering and its
/// units numbered from zero.
struct PartialIndex {
    /// Whether every posting is kept as it is met (else only counted, and
    /// the units are read again to place them).
    let keepsPostings: Bool
    var table = TermTable()
    /// Every posting in the order met, with its local term number; and per
    /// term how many (from the table, once every unit is in).
    var postingTerms: [Int32] = []
    var termCounts: [Int32] = []
    /// The worker's terms in byte order: each one's first eight bytes as a
    /// big-endian number, and its local id.
    var byteOrder: [(key: UInt64, local: Int32)] = []
    var postingValues: [UInt64] = []
    var unitEpisode: [Int32] = []
    var unitItem: [Int32] = []
    var unitStart: [Int64] = []
    var unitField: [UInt8] = []
    /// The episodes (or parts of one) read, in the order read.
    var runs: [EpisodeRun] = []
    var texts: [UInt8] = []
    var textEnds: [UInt64] = []

    var waiting = WaitingWord()

    init(keepsPostings: Bool) { self.keepsPostings = keepsPostings }

    @inline(__always)
    static func posting(unit: UInt64, token: RawToken) -> UInt64 {
        unit << 32 | UInt64(token.position) << 8 | UInt64(min(token.span, 255))
    }

    mutating func addUnit(_ item: SearchableItem, episode: Int32, keepText: Bool, tokenizer: WordTokenizer) {
        let unit = UInt64(unitEpisode.count)
        unitEpisode.append(episode)
        unitItem.append(Int32(truncatingIfNeeded: item.item))
        unitStart.append(item.start.map { Int64($0.milliseconds) } ?? -1)
        unitField.append(UInt8(item.field.rank))
        if keepText {
            texts.append(contentsOf: item.text.utf8)
            textEnds.append(UInt64(texts.count))
        }
        tokenizer.forEachToken(item.text) { token in
            guard token.position < 0xFF_FFFF else { return }
            let hash = TermTable.hash(token.bytes, head: token.head)
            table.prefetch(hash)
            countWaiting()
            waiting.hold(token, hash: hash, posting: Self.posting(unit: unit, token: token))
        }
    }

    /// Counts the word held back, if any (and keeps its posting).
    @inline(__always)
    mutating func countWaiting() {
        guard waiting.isHeld else { return }
        let (head, second, hash) = (waiting.head, waiting.second, waiting.hash)
        let id = waiting.withBytes { table.count($0, head: head, second: second, hash: hash) }
        if keepsPostings {
            postingTerms.append(Int32(id))
            postingValues.append(waiting.posting)
        }
        waiting.isHeld = false
    }
}

/// A word held back one word: its table slot is asked for when it is met
/// and read when the next word is met, so the wait for memory (the rarer
/// words of a large vocabulary are not in the cache) overlaps the work on
/// the next word. Its bytes are copied, since the tokenizer's are only
/// valid during the call: up to sixteen are its head and second already,
/// longer words (few) keep the rest in an array.
struct WaitingWord {
    var isHeld = false
    var head: UInt64 = 0
    var second: UInt64 = 0
    var hash: UInt64 = 0
    var posting: UInt64 = 0
    private var count = 0
    private var long: [UInt8] = []

    @inline(__always)
    mutating func hold(_ token: RawToken, hash: UInt64, posting: UInt64) {
        head = token.head
        second = token.second
        self.hash = hash
        self.posting = posting
        count = token.bytes.count
        if count > 16 { long = Array(token.bytes) }
        isHeld = true
    }

    @inline(__always)
    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if count > 16 { return long.withUnsafeBufferPointer(body) }
        let words = (head.littleEndian, second.littleEndian)
        return withUnsafeBytes(of: words) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }
}
