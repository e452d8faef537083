import Dispatch

// What the index builder's workers share: the lean build's second reading,
// and the buffers and runs of terms they write at once, each to its own places.

/// The second reading of a lean build: a worker's units again, each
/// posting with the worker's own term number.
struct Rescan: Sendable {
    let shares: [[IndexBuilder.Piece]]
    let source: IndexSource
    let tables: [TermTable]

    func read(worker: Int, _ write: (Int, UInt64) -> Void) {
        let tokenizer = WordTokenizer()
        var table = tables[worker]
        var unit: UInt64 = 0
        for piece in shares[worker] {
            let units = piece.units ?? source.units(piece.episode)
            for index in piece.range ?? 0..<units.count {
                tokenizer.forEachToken(units[index].text) { token in
                    guard token.position < 0xFF_FFFF else { return }
                    write(table.id(for: token.bytes), PartialIndex.posting(unit: unit, token: token))
                }
                unit += 1
            }
        }
    }
}

/// A buffer that workers write at once, each to places no other writes.
struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

extension IndexBuilder {
    /// Runs of terms, each with about the same number of postings.
    static func postingParts(_ starts: UnsafeMutableBufferPointer<UInt64>, parts: Int) -> [Range<Int>] {
        let terms = starts.count - 1
        guard terms > 0 else { return [] }
        let total = Int(starts[terms])
        var ranges: [Range<Int>] = []
        var from = 0
        for part in 1...max(1, parts) {
            // The first term whose list starts at or past this part's share.
            let goal = UInt64(total * part / max(1, parts))
            var low = from, high = terms
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < goal { low = middle + 1 } else { high = middle }
            }
            let to = part == parts ? terms : max(from, low)
            if to > from { ranges.append(from..<to) }
            from = to
        }
        return ranges
    }
}

/// The unit tables of an index being built, written by several workers at
/// once, each to its own units.
struct UnitTables: @unchecked Sendable {
    let unitEpisode: UnsafeMutableBufferPointer<Int32>
    let unitItem: UnsafeMutableBufferPointer<Int32>
    let unitStart: UnsafeMutableBufferPointer<Int64>
    let unitField: UnsafeMutableBufferPointer<UInt8>
    let textStarts: UnsafeMutableBufferPointer<UInt64>
    let texts: UnsafeMutableBufferPointer<UInt8>

    init(_ tables: IndexTables) {
        unitEpisode = UnsafeMutableBufferPointer(mutating: tables.unitEpisode)
        unitItem = UnsafeMutableBufferPointer(mutating: tables.unitItem)
        unitStart = UnsafeMutableBufferPointer(mutating: tables.unitStart)
        unitField = UnsafeMutableBufferPointer(mutating: tables.unitField)
        textStarts = UnsafeMutableBufferPointer(mutating: tables.textStarts)
        texts = UnsafeMutableBufferPointer(mutating: tables.texts)
    }
}
