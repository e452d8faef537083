/// Every posting a worker meets, in the order met, with its local term
/// number: the index builder's record of a worker's words until it copies
/// them into their terms' lists.
///
/// Plain memory rather than two arrays: an append to an array checks that
/// the array is not shared, which for four million words a build was a
/// call into the runtime each; here the room for a batch of words is made
/// once (`reserve`) and they are written straight in. Large logs come on
/// huge pages (`ZeroedPages`).
///
/// A copy shares the memory: one worker writes its log, and hands it on
/// (hence Sendable) only once it is done.
struct PostingLog: @unchecked Sendable {
    private(set) var terms: UnsafeMutablePointer<Int32>
    private(set) var values: UnsafeMutablePointer<UInt64>
    private(set) var count = 0
    private(set) var capacity: Int
    /// Frees the memory when the last copy of the log is gone.
    private var owner: Owner

    init(capacity: Int = 4096) {
        self.capacity = capacity
        terms = Self.allocate(Int32.self, capacity)
        values = Self.allocate(UInt64.self, capacity)
        owner = Owner(terms: terms, values: values, capacity: capacity)
    }

    /// Room for `more` postings after the ones written.
    @inline(__always)
    mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    /// Writes `n` postings at once: `write` gets where the terms and the
    /// values go (room made by `reserve` first).
    @inline(__always)
    mutating func append(_ n: Int, _ write: (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UInt64>) -> Void) {
        precondition(count + n <= capacity)
        write(terms + count, values + count)
        count += n
    }

    /// The terms and the values written, for the length of `body`.
    func withPostings<T>(_ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt64>) -> T) -> T {
        body(UnsafeBufferPointer(start: terms, count: count), UnsafeBufferPointer(start: values, count: count))
    }

    private mutating func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let newTerms = Self.allocate(Int32.self, size), newValues = Self.allocate(UInt64.self, size)
        newTerms.update(from: terms, count: count)
        newValues.update(from: values, count: count)
        terms = newTerms
        values = newValues
        capacity = size
        owner = Owner(terms: terms, values: values, capacity: capacity)
    }

    private static func allocate<T>(_ type: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
        guard let raw = ZeroedPages.allocate(count * MemoryLayout<T>.stride) else {
            fatalError("podread: out of memory (\(count) postings for a search index)")
        }
        return raw.bindMemory(to: T.self, capacity: count)
    }

    private final class Owner: @unchecked Sendable {
        let terms: UnsafeMutablePointer<Int32>
        let values: UnsafeMutablePointer<UInt64>
        let capacity: Int

        init(terms: UnsafeMutablePointer<Int32>, values: UnsafeMutablePointer<UInt64>, capacity: Int) {
            self.terms = terms
            self.values = values
            self.capacity = capacity
        }

        deinit {
            ZeroedPages.deallocate(terms, bytes: capacity * MemoryLayout<Int32>.stride)
            ZeroedPages.deallocate(values, bytes: capacity * MemoryLayout<UInt64>.stride)
        }
    }
}
