/// Every posting a worker meets, in the order met, with its local term
/// number: the index builder's record of a worker's words until it copies
/// them into their terms' lists.
///
/// Plain memory in chunks rather than two arrays: an append to an array
/// checks that the array is not shared, which for millions of words a
/// build was a call into the runtime each; and an array that doubles copies
/// what it holds into fresh memory, which the system zeroes first, so a
/// build zeroed and copied its postings twice over. Chunks, once written,
/// never move; each is one block of huge pages (`ZeroedPages`).
///
/// A copy shares the chunks: one worker writes its log, and hands it on
/// (hence Sendable) only once it is done.
struct PostingLog: @unchecked Sendable {
    /// Postings per chunk: 2 MB of terms and 4 MB of values.
    static let chunkSize = 1 << 19

    private(set) var count = 0
    private var chunks: [Chunk] = []
    /// The chunk being written (the last), and how much of it is.
    private var terms: UnsafeMutablePointer<Int32>?
    private var values: UnsafeMutablePointer<UInt64>?
    private var filled = Self.chunkSize

    init() {}

    /// Appends `n` postings: their terms and their values.
    @inline(__always)
    mutating func append(terms newTerms: UnsafePointer<Int32>, values newValues: UnsafePointer<UInt64>, count n: Int) {
        var done = 0
        while done < n {
            if filled == Self.chunkSize { startChunk() }
            let piece = min(n - done, Self.chunkSize - filled)
            (terms! + filled).update(from: newTerms + done, count: piece)
            (values! + filled).update(from: newValues + done, count: piece)
            filled += piece
            done += piece
        }
        count += n
    }

    /// Calls `body` with the postings of `range` as runs of terms and
    /// values side by side, in order (a run ends where a chunk does).
    func forEachRun(in range: Range<Int>, _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt64>) -> Void) {
        var start = range.lowerBound
        while start < range.upperBound {
            let chunk = chunks[start / Self.chunkSize]
            let offset = start % Self.chunkSize
            let piece = min(range.upperBound - start, Self.chunkSize - offset)
            body(UnsafeBufferPointer(start: chunk.terms + offset, count: piece),
                 UnsafeBufferPointer(start: chunk.values + offset, count: piece))
            start += piece
        }
    }

    private mutating func startChunk() {
        let chunk = Chunk()
        chunks.append(chunk)
        terms = chunk.terms
        values = chunk.values
        filled = 0
    }

    /// One chunk's memory: its terms, then its values.
    private final class Chunk: @unchecked Sendable {
        let terms: UnsafeMutablePointer<Int32>
        let values: UnsafeMutablePointer<UInt64>
        private static let bytes = PostingLog.chunkSize * (MemoryLayout<Int32>.stride + MemoryLayout<UInt64>.stride)

        init() {
            guard let raw = ZeroedPages.allocate(Self.bytes) else {
                fatalError("podread: out of memory (\(Self.bytes) bytes for a search index's postings)")
            }
            terms = raw.bindMemory(to: Int32.self, capacity: PostingLog.chunkSize)
            values = (raw + PostingLog.chunkSize * MemoryLayout<Int32>.stride).bindMemory(to: UInt64.self, capacity: PostingLog.chunkSize)
        }

        deinit { ZeroedPages.deallocate(UnsafeMutableRawPointer(terms), bytes: Self.bytes) }
    }
}
