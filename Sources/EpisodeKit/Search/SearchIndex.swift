import Dispatch

/// An index over everything a person reads in one or more episodes. Built
/// once (or mapped from a file); answers each keystroke of a search.
///
/// Every segment or item is a *unit*, numbered in the order hits are listed.
/// For every folded word the index keeps the units and word positions where
/// it occurs (positions make phrases possible), packed into 64-bit postings,
/// in the flat tables of `IndexTables`.
public final class SearchIndex: @unchecked Sendable {
    /// The episodes the index was built from; empty for an index read from a
    /// file, whose units' texts are in its tables.
    public let episodes: [Episode]
    let tables: IndexTables
    /// Keeps the tables' memory (or the mapped file) for as long as the index lives.
    private let memory: IndexMemory
    private let fuzzyWordsMade = Locked<FuzzyWords?>(nil)

    /// The vocabulary grouped for fuzzy lookups, made at the first one.
    var fuzzyWords: FuzzyWords {
        fuzzyWordsMade.withLock { made in
            if let made { return made }
            let words = FuzzyWords(tables: tables)
            made = words
            return words
        }
    }

    public var unitCount: Int { tables.unitCount }
    public var termCount: Int { tables.termCount }
    public var episodeCount: Int { tables.episodeCount }

    /// Builds the index, tokenising episodes on all cores.
    public convenience init(episodes: [Episode]) {
        let (memory, tables) = IndexBuilder.build(.episodes(episodes), keepTexts: false)
        self.init(episodes: episodes, memory: memory, tables: tables)
    }

    /// Builds an index that keeps its units' texts, so it answers alone (and can be saved).
    public convenience init(source: IndexSource) {
        let (memory, tables) = IndexBuilder.build(source, keepTexts: true)
        self.init(episodes: [], memory: memory, tables: tables)
    }

    init(episodes: [Episode], memory: IndexMemory, tables: IndexTables) {
        self.episodes = episodes
        self.memory = memory
        self.tables = tables
    }

    /// Which episode an index episode is (see `IndexSource.key`), and its revision.
    public func key(ofEpisode episode: Int) -> (key: Int64, revision: Int64) {
        guard episode >= 0, episode < tables.episodeCount else { return (-1, -1) }
        return (tables.episodeKey[episode], tables.episodeRevision[episode])
    }

    public func unitCount(ofEpisode episode: Int) -> Int { tables.units(ofEpisode: episode).count }

    /// An episode's searchable items as indexed (its texts from the tables
    /// or the episode), for building another index from this one.
    public func items(ofEpisode episode: Int) -> [SearchableItem] {
        tables.units(ofEpisode: episode).map { unit in
            SearchableItem(field: tables.field(ofUnit: unit), item: Int(tables.unitItem[unit]), text: text(ofUnit: unit),
                           start: tables.start(ofUnit: unit))
        }
    }

    /// Bytes of the units' texts it keeps (for an index saved to a file).
    public var storedTextBytes: Int { tables.texts.count }

    /// How often a term occurs.
    public func postingCount(ofTerm id: Int32) -> Int { tables.postings(of: Int(id)).count }

    /// Two words in a row from a unit that holds `word` (for benchmarks and tests).
    public func phrase(containing word: String) -> String? {
        guard let id = termID(for: word), let posting = tables.postings(of: Int(id)).first else { return nil }
        let tokens = WordTokenizer().tokens(text(ofUnit: SearchIndex.unit(of: posting))).filter { !$0.isAlias }
        guard let at = tokens.firstIndex(where: { $0.term == word }) else { return nil }
        let next = at + 1 < tokens.count ? at + 1 : at - 1
        guard next >= 0, next < tokens.count, next != at else { return nil }
        return next > at ? "\(tokens[at].term) \(tokens[next].term)" : "\(tokens[next].term) \(tokens[at].term)"
    }

    /// How many postings (word occurrences) it holds.
    public var postingCount: Int { tables.postings.count }

    /// Bytes of the fuzzy lookup's own tables: the file's (terms by length)
    /// and the grouped copy made in memory at the first fuzzy lookup.
    public var fuzzyTableBytes: Int { tables.fuzzyOrder.count * 4 + tables.fuzzyLetters.count * 8 + tables.lengthStarts.count * 4 + fuzzyWords.memory }

    /// Bytes the index holds (its tables), for the benchmark.
    public var approximateMemory: Int { memory.base.count }

    /// The index's tables as one block of bytes, as `IndexFile` saves them.
    public var bytes: UnsafeRawBufferPointer { memory.base }

    static func chunks(count: Int, parts: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }.filter { !$0.isEmpty }
    }

    @inline(__always)
    static func unit(of posting: UInt64) -> Int { Int(posting >> 32) }
    @inline(__always)
    static func position(of posting: UInt64) -> Int { Int((posting >> 8) & 0xFF_FFFF) }
    @inline(__always)
    static func span(of posting: UInt64) -> Int { Int(posting & 0xFF) }
}
