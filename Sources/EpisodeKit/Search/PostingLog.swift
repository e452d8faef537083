/// Every posting a worker meets, in the order met, with its local term
/// number: the index builder's record of a worker's words until it copies
/// them into their terms' lists. Each is eight bytes: the term number above
/// the posting's place in its unit (word position and span); the unit is
/// known from where its postings start (`PartialIndex.unitFirstPosting`),
/// so it is not kept with every word. Every byte kept here is first zeroed
/// by the system, then written, then read once.
///
/// Plain memory in chunks rather than arrays: an append to an array
/// checks that the array is not shared, which for millions of words a
/// build was a call into the runtime each; and an array that doubles copies
/// what it holds into fresh memory, which the system zeroes first, so a
/// build zeroed and copied its postings twice over. Chunks, once written,
/// never move; each is one block of huge pages (`ZeroedPages`).
///
/// A copy shares the chunks: one worker writes its log, and hands it on
/// (hence Sendable) only once it is done.
struct PostingLog: @unchecked Sendable {
    /// Postings per chunk (4 MB).
    static let chunkSize = 1 << 19

    private(set) var count = 0
    private var chunks: [Chunk] = []
    /// The chunk being written (the last), and how much of it is.
    private var entries: UnsafeMutablePointer<UInt64>?
    private var filled = Self.chunkSize

    init() {}

    /// One entry: a term number and a posting's low half (its unit's number
    /// is dropped).
    @inline(__always)
    static func entry(term: Int32, posting: UInt64) -> UInt64 {
        UInt64(UInt32(bitPattern: term)) << 32 | posting & 0xFFFF_FFFF
    }

    /// Appends `n` postings: their terms and their postings.
    @inline(__always)
    mutating func append(terms: UnsafePointer<Int32>, postings: UnsafePointer<UInt64>, count n: Int) {
        var done = 0
        while done < n {
            if filled == Self.chunkSize { startChunk() }
            let piece = min(n - done, Self.chunkSize - filled)
            let target = entries! + filled
            for index in 0..<piece { target[index] = Self.entry(term: terms[done + index], posting: postings[done + index]) }
            filled += piece
            done += piece
        }
        count += n
    }

    /// Calls `body` with the entries of `range`, in order, a run at a time
    /// (a run ends where a chunk does).
    func forEachRun(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt64>) -> Void) {
        var start = range.lowerBound
        while start < range.upperBound {
            let chunk = chunks[start / Self.chunkSize]
            let offset = start % Self.chunkSize
            let piece = min(range.upperBound - start, Self.chunkSize - offset)
            body(UnsafeBufferPointer(start: chunk.entries + offset, count: piece))
            start += piece
        }
    }

    private mutating func startChunk() {
        let chunk = Chunk()
        chunks.append(chunk)
        entries = chunk.entries
        filled = 0
    }

    /// One chunk's memory.
    private final class Chunk: @unchecked Sendable {
        let entries: UnsafeMutablePointer<UInt64>
        private static let bytes = PostingLog.chunkSize * MemoryLayout<UInt64>.stride

        init() {
            guard let raw = ZeroedPages.allocate(Self.bytes) else {
                fatalError("podread: out of memory (\(Self.bytes) bytes for a search index's postings)")
            }
            entries = raw.bindMemory(to: UInt64.self, capacity: PostingLog.chunkSize)
        }

        deinit { ZeroedPages.deallocate(UnsafeMutableRawPointer(entries), bytes: Self.bytes) }
    }
}
