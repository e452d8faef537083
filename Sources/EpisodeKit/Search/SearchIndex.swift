import Dispatch

/// An in-memory index over everything a person reads in one or more
/// episodes. Built once; answers each keystroke of a search.
///
/// Every segment or item is a *unit*, numbered in the order hits are listed.
/// For every folded word the index keeps the units and word positions where
/// it occurs (positions make phrases possible), packed into 64-bit postings.
public final class SearchIndex: @unchecked Sendable {
    public let episodes: [Episode]
    /// Per unit: which episode, which field, which segment or item.
    let unitEpisode: [Int32]
    let unitField: [SearchField]
    let unitItem: [Int32]
    let unitStart: [TimeCode?]
    let unitEpisodeBase: [Int]   // first unit of each episode

    let termIDs: [String: Int32]
    let terms: [String]
    /// Term IDs sorted by term, for prefix lookups.
    let sortedTerms: [Int32]
    /// Per term: `unit << 32 | position << 8 | span`, ascending.
    let postings: [[UInt64]]
    /// Per term, for the fuzzy lookup's quick refusal: its letters as a set
    /// of bits (see `LetterSet`) and its length in letters.
    let termLetters: [UInt64]
    let termLengths: [Int32]

    public var unitCount: Int { unitEpisode.count }
    public var termCount: Int { terms.count }

    /// Builds the index, tokenising episodes on all cores.
    public init(episodes: [Episode]) {
        self.episodes = episodes
        // Counting is cheap and serial; laying out items and tokenising
        // happen on the workers.
        var bases: [Int] = []
        var total = 0
        for episode in episodes {
            bases.append(total)
            total += episode.searchableItemCount
        }
        unitEpisodeBase = bases

        // Tokenise in contiguous chunks of episodes, one per worker, then
        // merge in order so every posting list stays sorted by unit.
        let workers = max(1, min(episodes.count, activeProcessorCount()))
        let chunks = Self.chunks(count: episodes.count, parts: workers)
        let partials = PartialBox(count: chunks.count)
        let firstUnits = bases
        DispatchQueue.concurrentPerform(iterations: chunks.count) { worker in
            var partial = PartialIndex()
            let tokenizer = WordTokenizer()
            for episode in chunks[worker] {
                for (offset, item) in episodes[episode].searchableItems.enumerated() {
                    partial.units.append((Int32(episode), item.field, Int32(item.item), item.start))
                    partial.add(item.text, unit: UInt64(firstUnits[episode] + offset), tokenizer: tokenizer)
                }
            }
            partials.set(worker, partial)
        }
        var unitEpisode: [Int32] = [], unitField: [SearchField] = [], unitItem: [Int32] = [], unitStart: [TimeCode?] = []
        unitEpisode.reserveCapacity(total)
        unitField.reserveCapacity(total)
        unitItem.reserveCapacity(total)
        unitStart.reserveCapacity(total)
        for partial in partials.values {
            for unit in partial.units {
                unitEpisode.append(unit.episode)
                unitField.append(unit.field)
                unitItem.append(unit.item)
                unitStart.append(unit.start)
            }
        }
        self.unitEpisode = unitEpisode
        self.unitField = unitField
        self.unitItem = unitItem
        self.unitStart = unitStart

        var termIDs: [String: Int32] = [:]
        var terms: [String] = []
        var postings: [[UInt64]] = []
        for partial in partials.values {
            for (localID, term) in partial.terms.enumerated() {
                let id: Int32
                if let existing = termIDs[term] {
                    id = existing
                } else {
                    id = Int32(terms.count)
                    termIDs[term] = id
                    terms.append(term)
                    postings.append([])
                }
                postings[Int(id)].append(contentsOf: partial.postings[localID])
            }
        }
        // Number aliases are reported after the words they cover, so a
        // term's postings inside one unit can be out of position order.
        for id in postings.indices where !Self.isAscending(postings[id]) {
            postings[id].sort()
        }
        self.termIDs = termIDs
        self.terms = terms
        self.postings = postings
        termLetters = terms.map { LetterSet.of($0) }
        termLengths = terms.map { Int32($0.unicodeScalars.count) }
        sortedTerms = terms.indices.sorted { terms[$0] < terms[$1] }.map(Int32.init)
    }

    private static func isAscending(_ list: [UInt64]) -> Bool {
        var previous: UInt64 = 0
        for value in list {
            if value < previous { return false }
            previous = value
        }
        return true
    }

    static func chunks(count: Int, parts: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }.filter { !$0.isEmpty }
    }

    /// Bytes the index itself holds (postings, terms, unit tables), for the benchmark.
    public var approximateMemory: Int {
        let postingBytes = postings.reduce(0) { $0 + $1.capacity * 8 + 32 }
        let termBytes = terms.reduce(0) { $0 + max(16, $1.utf8.count) + 16 } * 2 + terms.count * 8
        let unitBytes = unitEpisode.count * (4 + 1 + 4 + 17)
        let fuzzyBytes = terms.count * (8 + 4)
        return postingBytes + termBytes + unitBytes + fuzzyBytes
    }

    @inline(__always)
    static func unit(of posting: UInt64) -> Int { Int(posting >> 32) }
    @inline(__always)
    static func position(of posting: UInt64) -> Int { Int((posting >> 8) & 0xFF_FFFF) }
    @inline(__always)
    static func span(of posting: UInt64) -> Int { Int(posting & 0xFF) }
}

/// One worker's share of the index, with its own term numbering.
private struct PartialIndex {
    var table = TermTable()
    /// The units this worker laid out: episode, field, item, start.
    var units: [(episode: Int32, field: SearchField, item: Int32, start: TimeCode?)] = []
    var postings: [[UInt64]] = []
    var terms: [String] { table.terms }

    mutating func add(_ text: String, unit: UInt64, tokenizer: WordTokenizer) {
        tokenizer.forEachToken(text) { token in
            guard token.position < 0xFF_FFFF else { return }
            let id = table.id(for: token.bytes)
            if id == postings.count { postings.append([]) }
            postings[id].append(unit << 32 | UInt64(token.position) << 8 | UInt64(min(token.span, 255)))
        }
    }
}

/// Results written by concurrent workers, each to its own slot.
private final class PartialBox: @unchecked Sendable {
    private var slots: [PartialIndex?]
    private let lock = NSLockLike()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: PartialIndex) {
        lock.withLock { slots[index] = value }
    }
    var values: [PartialIndex] { slots.compactMap { $0 } }
}

/// A tiny mutex over a semaphore, to keep this file free of Foundation.
private final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func withLock<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}

private func activeProcessorCount() -> Int {
    #if canImport(Glibc)
    return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    #else
    return 2
    #endif
}

#if canImport(Glibc)
import Glibc
#endif
