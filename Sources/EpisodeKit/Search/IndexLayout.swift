/// Where each of an index's tables lies in one block of bytes, the same in
/// memory and in a file: a header (magic, format version, every table's
/// offset and length, a checksum of the header), then the tables, each on
/// an 8-byte boundary so a mapped file can be read in place.
struct IndexLayout {
    /// The tables in the order they are laid out.
    enum Table: Int, CaseIterable {
        case termStarts, arena, postingStarts, postings, fuzzyOrder, lengthStarts, fuzzyLetters
        case unitEpisode, unitItem, unitStart, unitField
        case episodeBase, episodeKey, episodeRevision, textStarts, texts
        case denseTerms, denseBits
        /// Last, so the builder can add them once the rest is written (see `IndexBuilder.pairs`).
        case pairStarts, pairPostings

        var elementSize: Int {
            switch self {
            case .arena, .unitField, .texts: return 1
            case .termStarts, .unitEpisode, .unitItem, .fuzzyOrder, .lengthStarts, .denseTerms: return 4
            case .postingStarts, .postings, .fuzzyLetters, .unitStart, .episodeBase, .episodeKey, .episodeRevision, .textStarts,
                 .denseBits, .pairStarts, .pairPostings: return 8
            }
        }
    }

    static let magic: [UInt8] = Array("PODRIDX1".utf8)
    /// Changes whenever tokenising or the tables change: an index of another version is rebuilt.
    static let formatVersion: UInt32 = 4
    static let headerSize = 8 + 4 + 4 + Table.allCases.count * 16 + 8

    /// Element counts per table.
    var counts: [Int]
    /// Byte offsets per table.
    private(set) var offsets: [Int] = []
    private(set) var totalSize = 0

    init(counts: [Int]) {
        self.counts = counts
        var offset = Self.align(Self.headerSize)
        for table in Table.allCases {
            offsets.append(offset)
            offset = Self.align(offset + counts[table.rawValue] * table.elementSize)
        }
        totalSize = offset
    }

    static func align(_ value: Int) -> Int { (value + 7) & ~7 }

    /// Writes the header into the start of `memory`.
    func writeHeader(into memory: UnsafeMutableRawBufferPointer) {
        var cursor = 0
        for byte in Self.magic { memory[cursor] = byte; cursor += 1 }
        memory.storeBytes(of: Self.formatVersion, toByteOffset: cursor, as: UInt32.self); cursor += 4
        memory.storeBytes(of: UInt32(Table.allCases.count), toByteOffset: cursor, as: UInt32.self); cursor += 4
        for table in Table.allCases {
            memory.storeBytes(of: UInt64(offsets[table.rawValue]), toByteOffset: cursor, as: UInt64.self); cursor += 8
            memory.storeBytes(of: UInt64(counts[table.rawValue]), toByteOffset: cursor, as: UInt64.self); cursor += 8
        }
        let checksum = Self.checksum(UnsafeRawBufferPointer(rebasing: memory[0..<cursor]))
        memory.storeBytes(of: checksum, toByteOffset: cursor, as: UInt64.self)
    }

    /// The layout a block of bytes declares, when its header is whole,
    /// of this version, and every table lies inside the block in order.
    static func read(_ memory: UnsafeRawBufferPointer) -> IndexLayout? {
        guard memory.count >= headerSize, Array(memory[0..<8]) == magic,
              memory.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == formatVersion,
              memory.loadUnaligned(fromByteOffset: 12, as: UInt32.self) == UInt32(Table.allCases.count) else { return nil }
        let end = headerSize - 8
        guard memory.loadUnaligned(fromByteOffset: end, as: UInt64.self) == checksum(UnsafeRawBufferPointer(rebasing: memory[0..<end])) else {
            return nil
        }
        var counts: [Int] = []
        var declared: [Int] = []
        for table in Table.allCases {
            let base = 16 + table.rawValue * 16
            let offset = memory.loadUnaligned(fromByteOffset: base, as: UInt64.self)
            let count = memory.loadUnaligned(fromByteOffset: base + 8, as: UInt64.self)
            guard offset < UInt64(Int.max / 2), count < UInt64(Int.max / 16) else { return nil }
            declared.append(Int(offset))
            counts.append(Int(count))
        }
        let layout = IndexLayout(counts: counts)
        guard layout.offsets == declared, layout.totalSize <= memory.count else { return nil }
        return layout
    }

    /// The tables inside a block laid out this way.
    func tables(in memory: UnsafeRawBufferPointer) -> IndexTables {
        func view<T>(_ table: Table, _ type: T.Type) -> UnsafeBufferPointer<T> {
            let pointer = memory.baseAddress!.advanced(by: offsets[table.rawValue]).assumingMemoryBound(to: T.self)
            return UnsafeBufferPointer(start: pointer, count: counts[table.rawValue])
        }
        return IndexTables(termStarts: view(.termStarts, UInt32.self), arena: view(.arena, UInt8.self),
                           postingStarts: view(.postingStarts, UInt64.self), postings: view(.postings, UInt64.self),
                           fuzzyOrder: view(.fuzzyOrder, UInt32.self), lengthStarts: view(.lengthStarts, UInt32.self),
                           fuzzyLetters: view(.fuzzyLetters, UInt64.self),
                           unitEpisode: view(.unitEpisode, Int32.self), unitItem: view(.unitItem, Int32.self),
                           unitStart: view(.unitStart, Int64.self), unitField: view(.unitField, UInt8.self),
                           episodeBase: view(.episodeBase, Int64.self), episodeKey: view(.episodeKey, Int64.self),
                           episodeRevision: view(.episodeRevision, Int64.self), textStarts: view(.textStarts, UInt64.self),
                           texts: view(.texts, UInt8.self), denseTerms: view(.denseTerms, UInt32.self),
                           denseBits: view(.denseBits, UInt64.self),
                           pairStarts: view(.pairStarts, UInt64.self), pairPostings: view(.pairPostings, UInt64.self))
    }

    /// Whether the tables agree with each other where a query relies on it
    /// (each table as long as the counts it goes with say).
    static func consistent(_ tables: IndexTables) -> Bool {
        let terms = tables.termCount
        let units = tables.unitEpisode.count
        return tables.postingStarts.count == tables.termStarts.count
            && tables.fuzzyOrder.count == terms && tables.fuzzyLetters.count == terms
            && tables.lengthStarts.count == FuzzyLookup.bucketCount + 1
            && tables.unitItem.count == units && tables.unitStart.count == units && tables.unitField.count == units
            && tables.episodeKey.count == tables.episodeCount && tables.episodeRevision.count == tables.episodeCount
            && (tables.textStarts.isEmpty || tables.textStarts.count == units + 1)
            && tables.denseBits.count == tables.denseTerms.count * tables.denseWords
            && zip(tables.denseTerms, tables.denseTerms.dropFirst()).allSatisfy { $0 < $1 }
            && tables.denseTerms.allSatisfy { Int($0) < terms }
            && (tables.pairStarts.isEmpty || tables.pairStarts.count == tables.denseTerms.count * tables.denseTerms.count + 1)
    }

    /// Whether a file starts as an index of another format version does
    /// (so it is made again for this podread, not called damaged).
    static func isOtherVersion(_ memory: UnsafeRawBufferPointer) -> Bool {
        memory.count >= 12 && Array(memory[0..<8]) == magic && memory.loadUnaligned(fromByteOffset: 8, as: UInt32.self) != formatVersion
    }

    /// FNV-1a over bytes.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
