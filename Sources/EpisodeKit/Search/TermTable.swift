import CPrefetch
#if canImport(Glibc)
import Glibc
#endif

/// Term numbering keyed by folded bytes: an open-addressing hash table over
/// a byte arena, so looking up a word that is already known allocates nothing.
struct TermTable {
    /// Four words per slot, 32 bytes, two slots to a cache line: the term's
    /// first eight bytes and its next eight (zero-padded); the hash's top 16
    /// bits, the length (16 bits, capped) and term id + 1 (0 = empty); and
    /// the hash's low 32 bits beside how many times the term was counted. A
    /// word of up to sixteen bytes is told apart and counted within its
    /// slot: this runs for every word of every text an index takes in, and
    /// the rarer words of a large vocabulary are not in the cache, so each
    /// further place read (the arena, a table of counts) was a further wait
    /// on memory. Growing reads the old slots in order and needs nothing else.
    private var memory: SlotMemory
    private var slots: UnsafeMutablePointer<UInt64> { memory.base }
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var mask: Int

    private static let width = 4

    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        memory = SlotMemory(count: size * Self.width)
        mask = size - 1
    }

    /// The slots this table alone holds, copied first when a copy of the
    /// table shares them.
    @inline(__always)
    private mutating func ownSlots() {
        guard !isKnownUniquelyReferenced(&memory) else { return }
        let copy = SlotMemory(count: (mask + 1) * Self.width)
        copy.base.update(from: memory.base, count: (mask + 1) * Self.width)
        memory = copy
    }

    var count: Int { starts.count }

    /// The id of `bytes`, adding it when new.
    mutating func id(for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let head = Self.head(bytes), second = Self.second(bytes)
        let (slot, id) = place(bytes, head: head, second: second)
        return id ?? add(bytes, head: head, second: second, at: slot)
    }

    /// Counts every word of a batch (whose slots were asked for as the
    /// words came), writing each one's id to `ids`. The slots are made this
    /// table's own once for the batch, not for each word.
    mutating func count(_ batch: WordBatch, ids: UnsafeMutablePointer<Int32>) {
        ownSlots()
        for index in 0..<batch.count {
            let id = batch.withBytes(index) { bytes in
                countOwned(bytes, head: batch.heads[index], second: batch.seconds[index], hash: batch.hashes[index])
            }
            ids[index] = Int32(truncatingIfNeeded: id)
        }
    }

    /// One word counted (added when new), the slots being this table's own already.
    @inline(__always)
    private mutating func countOwned(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64, second: UInt64, hash: UInt64) -> Int {
        var (slot, known) = place(bytes, head: head, second: second, hash: hash)
        if known == nil {
            let before = mask
            let id = add(bytes, head: head, second: second, at: slot)
            if mask != before { slot = place(bytes, head: head, second: second, hash: hash).slot }
            known = id
        }
        slots[slot &* Self.width &+ 3] &+= 1
        return known!
    }

    /// Starts reading the slot where a word of this hash is looked for
    /// first, to look it up a little later without waiting.
    /// (Mutating only so that calling it copies nothing: a copy of the
    /// table retained and released its arrays for every word.)
    @inline(__always)
    mutating func prefetch(_ hash: UInt64) {
        let slot = Int(truncatingIfNeeded: hash) & mask
        podread_prefetch(slots + slot &* Self.width)
    }

    /// How many times each term was counted, by id.
    func counts() -> [Int32] {
        var counts = [Int32](repeating: 0, count: count)
        for slot in 0...mask where slots[slot * Self.width + 2] != 0 {
            counts[Int(slots[slot * Self.width + 2] & 0xFFFF_FFFF) - 1] = Int32(truncatingIfNeeded: slots[slot * Self.width + 3])
        }
        return counts
    }

    /// The slot holding `bytes` and its id, or the free slot where it belongs.
    @inline(__always)
    private func place(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64, second: UInt64,
                       hash: UInt64? = nil) -> (slot: Int, id: Int?) {
        let hash = hash ?? Self.hash(bytes, head: head)
        let check = (hash >> 48) << 48 | UInt64(min(bytes.count, 0xFFFF)) << 32
        do {
            let slots = self.slots
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let base = slot &* Self.width
                let entry = slots[base &+ 2]
                if entry == 0 { return (slot, nil) }
                if entry & ~0xFFFF_FFFF == check && slots[base] == head && slots[base &+ 1] == second {
                    let id = Int(entry & 0xFFFF_FFFF) &- 1
                    // Past sixteen bytes, the rest from the arena (and the
                    // length itself, for words too long for the slot's count).
                    if bytes.count <= 16 || sameTail(bytes, id) { return (slot, id) }
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64, second: UInt64, at slot: Int) -> Int {
        let id = starts.count
        let hash = Self.hash(bytes, head: head)
        ownSlots()
        let base = slot * Self.width
        slots[base] = head
        slots[base + 1] = second
        slots[base + 2] = (hash >> 48) << 48 | UInt64(min(bytes.count, 0xFFFF)) << 32 | UInt64(id + 1)
        slots[base + 3] = (hash & 0xFFFF_FFFF) << 32
        starts.append(Int32(arena.count))
        lengths.append(Int32(bytes.count))
        arena.append(contentsOf: bytes)
        if starts.count * 2 > mask + 1 { grow() }
        return id
    }

    /// Whether the bytes after the first sixteen are the same as term `id`'s (and the lengths).
    private func sameTail(_ bytes: UnsafeBufferPointer<UInt8>, _ id: Int) -> Bool {
        guard Int(lengths[id]) == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            let stored = arena.baseAddress! + Int(starts[id])
            var index = 16
            while index < bytes.count {
                if bytes[index] != stored[index] { return false }
                index += 1
            }
            return true
        }
    }

    /// A term's bytes, for the length of `body`.
    func withBytes<T>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        words.withBytes(id, body)
    }

    /// The terms' bytes, to read many of them (the table's arrays, shared).
    var words: TermWords { TermWords(arena: arena, starts: starts, lengths: lengths) }

    /// Every term in byte order, with its first eight bytes as a big-endian
    /// number: most comparisons are of two integers, not two calls to
    /// memcmp; words that share those eight bytes are then ordered by all
    /// their bytes.
    func byteOrder() -> [(key: UInt64, local: Int32)] {
        withArena { arena, starts, lengths in
            func bytes(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: arena[Int(starts[Int(id)])..<Int(starts[Int(id)] + lengths[Int(id)])])
            }
            var keyed = (0..<Int32(count)).map { (key: Self.head(bytes($0)).byteSwapped, local: $0) }
            keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.local < $1.local }
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
                if end - start > 1 { keyed[start..<end].sort { IndexTables.compare(bytes($0.local), bytes($1.local)) < 0 } }
                start = end
            }
            return keyed
        }
    }

    /// Every term's bytes at once: the arena and each term's range in it.
    func withArena<T>(_ body: (UnsafeBufferPointer<UInt8>, [Int32], [Int32]) -> T) -> T {
        arena.withUnsafeBufferPointer { body($0, starts, lengths) }
    }

    /// Twice the slots, each term moved by its hash's low bits.
    private mutating func grow() {
        let oldMemory = memory, oldCount = (mask + 1) * Self.width
        let size = (mask + 1) * 2
        memory = SlotMemory(count: size * Self.width)
        mask = size - 1
        do {
            let old = oldMemory.base, slots = self.slots
            for base in stride(from: 0, to: oldCount, by: Self.width) where old[base + 2] != 0 {
                var slot = Int(old[base + 3] >> 32) & mask
                while slots[slot * Self.width + 2] != 0 { slot = (slot + 1) & mask }
                for word in 0..<Self.width { slots[slot * Self.width + word] = old[base + word] }
            }
        }
    }

    /// The first eight bytes, little-endian, zero-padded.
    @inline(__always)
    static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self)) }
        var head: UInt64 = 0
        for index in 0..<bytes.count { head |= UInt64(bytes[index]) << UInt64(index * 8) }
        return head
    }

    /// Bytes eight to sixteen, the same way.
    @inline(__always)
    static func second(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard bytes.count > 8 else { return 0 }
        if bytes.count >= 16 { return UInt64(littleEndian: (UnsafeRawPointer(bytes.baseAddress!) + 8).loadUnaligned(as: UInt64.self)) }
        var value: UInt64 = 0
        for index in 8..<bytes.count { value |= UInt64(bytes[index]) << UInt64((index - 8) * 8) }
        return value
    }

    /// Eight bytes at a time, each step a multiply and a shift (a byte at a
    /// time was a chain of multiplies as long as the word).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64) -> UInt64 {
        var hash = (head ^ UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        var index = 8
        while index < bytes.count {
            var chunk: UInt64 = 0
            if bytes.count - index >= 8 {
                chunk = UInt64(littleEndian: (UnsafeRawPointer(bytes.baseAddress!) + index).loadUnaligned(as: UInt64.self))
            } else {
                for offset in 0..<(bytes.count - index) { chunk |= UInt64(bytes[index + offset]) << UInt64(offset * 8) }
            }
            hash ^= hash >> 31
            hash = (hash ^ chunk) &* 0x94D0_49BB_1331_11EB
            index += 8
        }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}

/// A term table's words: the arena and each term's place in it.
struct TermWords {
    let arena: [UInt8]
    let starts: [Int32]
    let lengths: [Int32]

    @inline(__always)
    func withBytes<T>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        arena.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(starts[id])..<Int(starts[id] + lengths[id])]))
        }
    }
}

/// A term table's slots: zeroed memory, on huge pages where the system
/// gives them (Linux's transparent huge pages, when asked for by madvise).
/// A large vocabulary's table is megabytes, and the rarer words' slots are
/// read all over it: with small pages most of those reads first missed the
/// processor's table of pages as well as its cache.
///
/// Sendable since a table writes its slots only when it holds them alone
/// (`TermTable.ownSlots`); copies of a table only read them.
final class SlotMemory: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt64>
    private let bytes: Int

    init(count: Int) {
        bytes = count * MemoryLayout<UInt64>.stride
        guard let raw = ZeroedPages.allocate(bytes) else { fatalError("podread: out of memory (\(bytes) bytes for a word table)") }
        base = raw.bindMemory(to: UInt64.self, capacity: max(count, 1))
    }

    deinit { ZeroedPages.deallocate(base, bytes: bytes) }
}
