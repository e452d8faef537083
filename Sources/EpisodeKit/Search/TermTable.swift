#if canImport(Glibc)
import Glibc
#endif

/// Term numbering keyed by folded bytes: an open-addressing hash table over
/// a byte arena, so looking up a word that is already known allocates nothing.
struct TermTable {
    /// Per slot: the hash's top 32 bits, then term id + 1; 0 = empty. The
    /// hash is checked in the slot itself and the term's place read from one
    /// array, so a lookup touches three places in memory, not five.
    private var slots: [UInt64]
    private var hashes: [UInt64] = []   // per term
    /// Per term: where its bytes start in the arena, and how many (start << 32 | length).
    private var spans: [UInt64] = []
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var mask: Int

    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    /// The id of `bytes`, adding it when new.
    mutating func id(for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(bytes)
        // The known word, looked up through raw pointers: this runs for every
        // word of every text an index takes in.
        let tag = hash >> 32
        let (known, free) = slots.withUnsafeBufferPointer { slots in
            spans.withUnsafeBufferPointer { spans in
                arena.withUnsafeBufferPointer { arena -> (Int?, Int) in
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return (nil, slot) }
                        if entry >> 32 == tag {
                            let id = Int(entry & 0xFFFF_FFFF) - 1
                            let span = spans[id]
                            if Int(span & 0xFFFF_FFFF) == bytes.count,
                               bytes.count == 0 || memcmp(arena.baseAddress! + Int(span >> 32), bytes.baseAddress!, bytes.count) == 0 {
                                return (id, slot)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let known { return known }
        let slot = free
        let id = hashes.count
        slots[slot] = tag << 32 | UInt64(id + 1)
        hashes.append(hash)
        spans.append(UInt64(arena.count) << 32 | UInt64(bytes.count))
        starts.append(Int32(arena.count))
        lengths.append(Int32(bytes.count))
        arena.append(contentsOf: bytes)
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// A term's bytes, for the length of `body`.
    func withBytes<T>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        arena.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(starts[id])..<Int(starts[id] + lengths[id])]))
        }
    }

    /// Every term's bytes at once: the arena and each term's range in it.
    func withArena<T>(_ body: (UnsafeBufferPointer<UInt8>, [Int32], [Int32]) -> T) -> T {
        arena.withUnsafeBufferPointer { body($0, starts, lengths) }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash >> 32) << 32 | UInt64(id + 1)
        }
    }

    /// FNV-1a with a final mix: fast for short words, well spread.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
