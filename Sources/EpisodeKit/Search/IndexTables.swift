#if canImport(Glibc)
import Glibc
#endif

/// The search index as flat tables: the vocabulary sorted by its UTF-8
/// bytes (a term's number is its rank, so exact and prefix lookups are
/// binary searches), every term's postings one after another in one array,
/// and per unit its episode, field, item and start.
///
/// The same tables serve an index built in memory and one mapped from a
/// file (`IndexFile`), so there is one query engine and saving an index is
/// writing its tables out. Every accessor checks its bounds: a damaged file
/// gives wrong answers at worst, never a crash.
struct IndexTables {
    /// Per term: where its bytes start in `arena` (term count + 1 entries).
    var termStarts: UnsafeBufferPointer<UInt32>
    var arena: UnsafeBufferPointer<UInt8>
    /// Per term: where its postings start in `postings` (term count + 1).
    var postingStarts: UnsafeBufferPointer<UInt64>
    /// `unit << 32 | position << 8 | span`, ascending per term.
    var postings: UnsafeBufferPointer<UInt64>
    /// The fuzzy lookup's table (`FuzzyLookup`): term numbers in order of
    /// their length in letters, each length's first place in that order
    /// (`FuzzyLookup.bucketCount + 1` entries), and in the same order each
    /// term's letters as bits (`LetterSet`).
    var fuzzyOrder: UnsafeBufferPointer<UInt32>
    var lengthStarts: UnsafeBufferPointer<UInt32>
    var fuzzyLetters: UnsafeBufferPointer<UInt64>
    var unitEpisode: UnsafeBufferPointer<Int32>
    var unitItem: UnsafeBufferPointer<Int32>
    /// Milliseconds, or -1 for a unit without a time.
    var unitStart: UnsafeBufferPointer<Int64>
    /// `SearchField.rank`.
    var unitField: UnsafeBufferPointer<UInt8>
    /// Per episode: its first unit (episode count + 1 entries).
    var episodeBase: UnsafeBufferPointer<Int64>
    /// Per episode: whose it is (a library's episode id) and which revision of it was indexed.
    var episodeKey: UnsafeBufferPointer<Int64>
    var episodeRevision: UnsafeBufferPointer<Int64>
    /// Per unit: where its text starts in `texts` (unit count + 1), when the index keeps texts.
    var textStarts: UnsafeBufferPointer<UInt64>
    var texts: UnsafeBufferPointer<UInt8>
    /// The commonest terms (ascending), each with its units as a bitmap in
    /// `denseBits` (`denseWords` words each, in the same order): a search for
    /// such a word joins a bitmap instead of reading a posting per place.
    var denseTerms: UnsafeBufferPointer<UInt32>
    var denseBits: UnsafeBufferPointer<UInt64>
    /// Two of the commonest terms in a row: for each ordered pair of
    /// `denseTerms` (first × count + second), where its postings start in
    /// `pairPostings` (count² + 1 entries, `pairLeftOut` set on the pairs
    /// not kept; none when the index keeps no pairs), and there the second
    /// word's postings where it follows the first. A phrase of two common words is read from here instead of
    /// merging two lists of hundreds of thousands of postings.
    var pairStarts: UnsafeBufferPointer<UInt64>
    var pairPostings: UnsafeBufferPointer<UInt64>

    /// Words of one unit bitmap.
    var denseWords: Int { (unitCount + 63) / 64 }

    /// Marks a pair's start when the index left that pair out (its terms are
    /// not among those whose pairs fit): the phrase is merged instead.
    static let pairLeftOut: UInt64 = 1 << 63

    /// Where `second` follows `first` (the second word's postings), when
    /// both are among the commonest terms and the index keeps their pairs;
    /// nil when the lists must be merged instead.
    func pairPostings(_ first: Int, _ second: Int) -> UnsafeBufferPointer<UInt64>? {
        let count = denseTerms.count
        guard count > 0, pairStarts.count == count * count + 1,
              let a = densePlace(ofTerm: first), let b = densePlace(ofTerm: second) else { return nil }
        let entry = pairStarts[a * count + b]
        guard entry & Self.pairLeftOut == 0 else { return nil }
        let lower = entry, upper = pairStarts[a * count + b + 1] & ~Self.pairLeftOut
        // (A damaged file's starts may run backwards or past the end: merge instead.)
        guard lower <= upper, upper <= UInt64(pairPostings.count) else { return nil }
        return UnsafeBufferPointer(rebasing: pairPostings[Int(lower)..<Int(upper)])
    }

    /// A term's place among the commonest, when it is one.
    func densePlace(ofTerm id: Int) -> Int? {
        guard !denseTerms.isEmpty, id >= 0 else { return nil }
        var low = 0, high = denseTerms.count
        while low < high {
            let middle = (low + high) >> 1
            if Int(denseTerms[middle]) < id { low = middle + 1 } else { high = middle }
        }
        return low < denseTerms.count && Int(denseTerms[low]) == id ? low : nil
    }

    /// A term's units as a bitmap, when it is one of the commonest.
    func unitBits(ofTerm id: Int) -> UnsafeBufferPointer<UInt64>? {
        let words = denseWords
        guard let place = densePlace(ofTerm: id), (place + 1) * words <= denseBits.count else { return nil }
        return UnsafeBufferPointer(rebasing: denseBits[(place * words)..<((place + 1) * words)])
    }

    var termCount: Int { max(0, termStarts.count - 1) }
    var unitCount: Int { unitEpisode.count }
    var episodeCount: Int { max(0, episodeBase.count - 1) }
    var keepsTexts: Bool { textStarts.count == unitCount + 1 && unitCount > 0 }

    /// A term's folded bytes.
    @inline(__always)
    func termBytes(_ id: Int) -> UnsafeBufferPointer<UInt8> {
        guard id >= 0, id + 1 < termStarts.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = min(Int(termStarts[id]), arena.count)
        let end = min(max(Int(termStarts[id + 1]), start), arena.count)
        return UnsafeBufferPointer(rebasing: arena[start..<end])
    }

    func term(_ id: Int) -> String { String(decoding: termBytes(id), as: UTF8.self) }

    /// A term's postings.
    @inline(__always)
    func postings(of id: Int) -> UnsafeBufferPointer<UInt64> {
        guard id >= 0, id + 1 < postingStarts.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = Int(min(postingStarts[id], UInt64(postings.count)))
        let end = Int(min(max(postingStarts[id + 1], UInt64(start)), UInt64(postings.count)))
        return UnsafeBufferPointer(rebasing: postings[start..<end])
    }

    /// The first term not below `bytes` in byte order.
    func lowerBound(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0
        var high = termCount
        while low < high {
            let middle = (low + high) >> 1
            if Self.compare(termBytes(middle), bytes) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The term with exactly these bytes.
    func termID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let found = lowerBound(bytes)
        guard found < termCount, Self.compare(termBytes(found), bytes) == 0 else { return nil }
        return found
    }

    func field(ofUnit unit: Int) -> SearchField {
        let rank = Int(unitField[unit])
        return rank < SearchField.allCases.count ? SearchField.allCases[rank] : .transcript
    }

    func start(ofUnit unit: Int) -> TimeCode? {
        let value = unitStart[unit]
        return value < 0 ? nil : TimeCode(milliseconds: Int(value))
    }

    /// The units of one episode.
    func units(ofEpisode episode: Int) -> Range<Int> {
        guard episode >= 0, episode + 1 < episodeBase.count else { return 0..<0 }
        let start = Int(min(max(episodeBase[episode], 0), Int64(unitCount)))
        let end = Int(min(max(episodeBase[episode + 1], Int64(start)), Int64(unitCount)))
        return start..<end
    }

    /// A unit's stored text (empty when the index keeps none).
    func storedText(ofUnit unit: Int) -> String {
        guard keepsTexts, unit >= 0, unit < unitCount else { return "" }
        let start = Int(min(textStarts[unit], UInt64(texts.count)))
        let end = Int(min(max(textStarts[unit + 1], UInt64(start)), UInt64(texts.count)))
        return String(decoding: UnsafeBufferPointer(rebasing: texts[start..<end]), as: UTF8.self)
    }

    /// memcmp order, shorter first on a common prefix.
    @inline(__always)
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let left = a.baseAddress, let right = b.baseAddress {
            let order = memcmp(left, right, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    /// Whether `bytes` starts with `prefix`.
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        guard prefix.count > 0, let left = bytes.baseAddress, let right = prefix.baseAddress else { return true }
        return memcmp(left, right, prefix.count) == 0
    }
}

/// Memory that holds an index's tables: one allocation for an index built
/// here, or a file mapped read-only. Freed (or unmapped) with the index.
final class IndexMemory: @unchecked Sendable {
    /// Changes only while the builder grows it, before anyone else sees it.
    private(set) var base: UnsafeRawBufferPointer
    private let mapped: Bool
    /// Bytes mapped for a block built here (`base` may be shorter).
    private var reserved = 0

    /// Fresh memory, zeroed, 8-byte aligned: large blocks come as zero
    /// pages, not written over, and huge ones (`ZeroedPages`). `reserving`
    /// maps that many bytes in all, so `grow` can lengthen the block up to
    /// it in place (pages never written take no memory).
    init(allocating size: Int, reserving capacity: Int = 0) {
        let size = max(size, 8)
        reserved = max(size, capacity)
        guard let memory = ZeroedPages.allocate(reserved) else {
            fatalError("podread: out of memory (\(size) bytes for a search index)")
        }
        base = UnsafeRawBufferPointer(start: memory, count: size)
        mapped = false
    }

    /// Makes fresh memory longer, keeping its bytes and zeroing the new
    /// ones: in place within what was reserved (still zero: never written),
    /// else copied to a new block. Tables read from it before are no longer
    /// valid.
    func grow(to size: Int) {
        precondition(!mapped)
        guard size > base.count else { return }
        let old = UnsafeMutableRawPointer(mutating: base.baseAddress!)
        guard size > reserved else {
            base = UnsafeRawBufferPointer(start: old, count: size)
            return
        }
        guard let memory = ZeroedPages.allocate(size) else {
            fatalError("podread: out of memory (\(size) bytes for a search index)")
        }
        memory.copyMemory(from: old, byteCount: base.count)
        ZeroedPages.deallocate(old, bytes: reserved)
        base = UnsafeRawBufferPointer(start: memory, count: size)
        reserved = size
    }

    /// A file's bytes mapped read-only; nil when the file cannot be mapped.
    init?(mapping descriptor: Int32, size: Int) {
        guard size > 0 else { return nil }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        base = UnsafeRawBufferPointer(start: address, count: size)
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base.baseAddress), base.count)
        } else {
            ZeroedPages.deallocate(UnsafeMutableRawPointer(mutating: base.baseAddress!), bytes: reserved)
        }
    }
}
