/// Words met but not yet looked up in the term table. Each word's slot is
/// asked for as the word is met (`TermTable.prefetch`) and read once a
/// batch is full, so the waits on memory for the rarer words, whose slots
/// are not in the cache, overlap one another instead of each stopping the
/// worker. (One word held back was too short a wait to cover.)
///
/// A word's first sixteen bytes travel in its two integers; the bytes of
/// longer words (few) are copied, since the tokenizer's are only valid
/// during its call. (Sendable as part of a worker's partial index, handed
/// on empty once the worker is done.)
struct WordBatch: @unchecked Sendable {
    static let capacity = 64

    private(set) var count = 0
    let heads: UnsafeMutablePointer<UInt64>
    let seconds: UnsafeMutablePointer<UInt64>
    let hashes: UnsafeMutablePointer<UInt64>
    let postings: UnsafeMutablePointer<UInt64>
    let lengths: UnsafeMutablePointer<Int>
    /// Where a long word's bytes start in `longBytes`.
    let longStarts: UnsafeMutablePointer<Int>
    /// Each word's term number, once looked up.
    let ids: UnsafeMutablePointer<Int32>
    private(set) var longBytes: [UInt8] = []
    private let owner: Owner

    init() {
        owner = Owner()
        let column = Self.capacity * 8
        let base = owner.memory
        heads = base.bindMemory(to: UInt64.self, capacity: 4 * Self.capacity)
        seconds = heads + Self.capacity
        hashes = heads + 2 * Self.capacity
        postings = heads + 3 * Self.capacity
        lengths = (base + 4 * column).bindMemory(to: Int.self, capacity: 2 * Self.capacity)
        longStarts = lengths + Self.capacity
        ids = (base + 6 * column).bindMemory(to: Int32.self, capacity: Self.capacity)
    }

    var isFull: Bool { count == Self.capacity }

    @inline(__always)
    mutating func add(_ token: RawToken, hash: UInt64, posting: UInt64) {
        heads[count] = token.head
        seconds[count] = token.second
        hashes[count] = hash
        postings[count] = posting
        let length = token.bytes.count
        lengths[count] = length
        if length > 16 {
            longStarts[count] = longBytes.count
            longBytes.append(contentsOf: token.bytes)
        }
        count += 1
    }

    /// Word `index`'s bytes, for the length of `body`.
    @inline(__always)
    func withBytes<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let length = lengths[index]
        if length > 16 {
            return longBytes.withUnsafeBufferPointer { all in
                body(UnsafeBufferPointer(rebasing: all[longStarts[index]..<(longStarts[index] + length)]))
            }
        }
        let words = (heads[index].littleEndian, seconds[index].littleEndian)
        return withUnsafeBytes(of: words) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length))
        }
    }

    mutating func removeAll() {
        count = 0
        if !longBytes.isEmpty { longBytes.removeAll(keepingCapacity: true) }
    }

    /// The batch's memory: six columns of `capacity` eight-byte values and
    /// one of four-byte ones.
    private final class Owner {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: 7 * WordBatch.capacity * 8, alignment: 8)
        deinit { memory.deallocate() }
    }
}
