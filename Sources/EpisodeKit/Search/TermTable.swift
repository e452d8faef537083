#if canImport(Glibc)
import Glibc
#endif

/// Term numbering keyed by folded bytes: an open-addressing hash table over
/// a byte arena, so looking up a word that is already known allocates nothing.
struct TermTable {
    /// Two words per slot: the term's first eight bytes (zero-padded), then
    /// the hash's top 16 bits, the length (16 bits, capped) and term id + 1
    /// (0 = empty). Most words are eight bytes or fewer, so a lookup of a
    /// known word reads one slot and nothing else: this runs for every word
    /// of every text an index takes in, and the words of a large vocabulary
    /// are mostly not in the cache.
    private var slots: [UInt64]
    private var hashes: [UInt64] = []   // per term
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var mask: Int

    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size * 2)
        mask = size - 1
    }

    var count: Int { hashes.count }

    /// The id of `bytes`, adding it when new.
    mutating func id(for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let head = Self.head(bytes)
        let hash = Self.hash(bytes, head: head)
        let check = (hash >> 48) << 48 | UInt64(min(bytes.count, 0xFFFF)) << 32
        let (known, free) = slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena -> (Int?, Int) in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot &* 2 &+ 1]
                    if entry == 0 { return (nil, slot) }
                    if entry & ~0xFFFF_FFFF == check && slots[slot &* 2] == head {
                        let id = Int(entry & 0xFFFF_FFFF) - 1
                        // Past eight bytes, the rest from the arena (and the
                        // length itself, for words too long for the slot's count).
                        if bytes.count <= 8
                            || (Int(lengths[id]) == bytes.count && Self.sameTail(bytes, arena.baseAddress! + Int(starts[id]))) {
                            return (id, slot)
                        }
                    }
                    slot = (slot &+ 1) & mask
                }
            }
        }
        if let known { return known }
        let id = hashes.count
        slots[free * 2] = head
        slots[free * 2 + 1] = check | UInt64(id + 1)
        hashes.append(hash)
        starts.append(Int32(arena.count))
        lengths.append(Int32(bytes.count))
        arena.append(contentsOf: bytes)
        if hashes.count * 2 > slots.count / 2 { grow() }
        return id
    }

    /// Whether the bytes after the first eight are the same (the lengths are).
    @inline(__always)
    private static func sameTail(_ bytes: UnsafeBufferPointer<UInt8>, _ stored: UnsafePointer<UInt8>) -> Bool {
        var index = 8
        while index < bytes.count {
            if bytes[index] != stored[index] { return false }
            index += 1
        }
        return true
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
        let size = slots.count
        slots = [UInt64](repeating: 0, count: size * 2)
        mask = size - 1
        arena.withUnsafeBufferPointer { arena in
            for (id, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot * 2 + 1] != 0 { slot = (slot + 1) & mask }
                let bytes = UnsafeBufferPointer(rebasing: arena[Int(starts[id])..<Int(starts[id] + lengths[id])])
                slots[slot * 2] = Self.head(bytes)
                slots[slot * 2 + 1] = (hash >> 48) << 48 | UInt64(min(bytes.count, 0xFFFF)) << 32 | UInt64(id + 1)
            }
        }
    }

    /// The first eight bytes, little-endian, zero-padded.
    @inline(__always)
    static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for index in 0..<min(bytes.count, 8) { head |= UInt64(bytes[index]) << UInt64(index * 8) }
        return head
    }

    /// Eight bytes at a time, each step a multiply and a shift (a byte at a
    /// time was a chain of multiplies as long as the word).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64) -> UInt64 {
        var hash = (head ^ UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        var index = 8
        while index < bytes.count {
            var chunk: UInt64 = 0
            for offset in 0..<min(bytes.count - index, 8) { chunk |= UInt64(bytes[index + offset]) << UInt64(offset * 8) }
            hash ^= hash >> 31
            hash = (hash ^ chunk) &* 0x94D0_49BB_1331_11EB
            index += 8
        }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
