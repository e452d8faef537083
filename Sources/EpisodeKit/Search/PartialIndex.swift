/// One worker's share of the index, with its own term numbering and its
/// units numbered from zero.
struct PartialIndex {
    /// Whether every posting is kept as it is met (else only counted, and
    /// the units are read again to place them).
    let keepsPostings: Bool
    var table = TermTable()
    /// Every posting in the order met, with its local term number (kept
    /// only when `keepsPostings`); and per term how many (from the table,
    /// once every unit is in).
    var postings = PostingLog()
    /// Where each unit's postings start in `postings`.
    var unitFirstPosting: [Int] = []
    var termCounts: [Int32] = []
    /// The worker's terms in byte order: each one's first eight bytes as a
    /// big-endian number, and its local id.
    var byteOrder: [(key: UInt64, local: Int32)] = []
    var unitEpisode: [Int32] = []
    var unitItem: [Int32] = []
    var unitStart: [Int64] = []
    var unitField: [UInt8] = []
    /// The episodes (or parts of one) read, in the order read.
    var runs: [EpisodeRun] = []
    var texts: [UInt8] = []
    var textEnds: [UInt64] = []

    /// Words met and not yet counted (`countWaiting`).
    var waiting = WordBatch()

    init(keepsPostings: Bool) { self.keepsPostings = keepsPostings }

    @inline(__always)
    static func posting(unit: UInt64, token: RawToken) -> UInt64 {
        unit << 32 | UInt64(token.position) << 8 | UInt64(min(token.span, 255))
    }

    mutating func addUnit(_ item: SearchableItem, episode: Int32, keepText: Bool, tokenizer: WordTokenizer) {
        let unit = UInt64(unitEpisode.count)
        if keepsPostings { unitFirstPosting.append(postings.count + waiting.count) }
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
            waiting.add(token, hash: hash, posting: Self.posting(unit: unit, token: token))
            if waiting.isFull { countWaiting() }
        }
    }

    /// Counts the words waiting, if any (and keeps their postings). Before
    /// a new run begins, and once the worker's last unit is in.
    mutating func countWaiting() {
        let count = waiting.count
        guard count > 0 else { return }
        table.count(waiting, ids: waiting.ids)
        if keepsPostings { postings.append(terms: waiting.ids, postings: waiting.postings, count: count) }
        waiting.removeAll()
    }
}
