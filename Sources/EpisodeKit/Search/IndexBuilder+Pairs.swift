import Dispatch

extension IndexBuilder {
    /// The most pair postings kept: an eighth of the postings.
    static func pairBudget(postings: Int) -> Int { postings / 8 }

    /// The pair tables, laid out after everything else: the block grows
    /// by their size, so nothing written before moves within it. The pairs
    /// of the commonest terms are kept first, one term at a time, while they
    /// fit in `budget` postings (an eighth of the others'); a pair of terms
    /// left out is marked so, and its phrase merged as before.
    static func addPairs(_ finders: [PairFinder], counts: [Int], memory: IndexMemory,
                                 frequencies: [Int], budget: Int) -> (IndexMemory, IndexTables) {
        let termCount = frequencies.count
        let pairCount = termCount * termCount
        var sizes = [Int](repeating: 0, count: pairCount)
        for finder in finders {
            for pair in 0..<pairCount { sizes[pair] += Int(finder.sizes.base[pair]) }
        }
        var kept = [Bool](repeating: false, count: termCount)
        var keptTotal = 0
        for term in (0..<termCount).sorted(by: { (frequencies[$0], $1) > (frequencies[$1], $0) }) {
            // The pairs this term adds: with itself and with those kept already.
            var adds = sizes[term * termCount + term]
            for other in 0..<termCount where kept[other] {
                adds += sizes[term * termCount + other] + sizes[other * termCount + term]
            }
            guard keptTotal + adds <= budget else { break }
            kept[term] = true
            keptTotal += adds
        }
        var counts = counts
        counts[IndexLayout.Table.pairStarts.rawValue] = pairCount + 1
        counts[IndexLayout.Table.pairPostings.rawValue] = keptTotal
        let layout = IndexLayout(counts: counts)
        memory.grow(to: layout.totalSize)
        layout.writeHeader(into: UnsafeMutableRawBufferPointer(mutating: memory.base))
        let tables = layout.tables(in: memory.base)
        let starts = UnsafeMutableBufferPointer(mutating: tables.pairStarts)
        let postings = UnsafeMutableBufferPointer(mutating: tables.pairPostings)
        var next = [Int](repeating: 0, count: pairCount)
        var total = 0
        for pair in 0..<pairCount {
            let keeps = kept[pair / termCount] && kept[pair % termCount]
            starts[pair] = UInt64(total) | (keeps ? 0 : IndexTables.pairLeftOut)
            next[pair] = keeps ? total : -1
            total += keeps ? sizes[pair] : 0
        }
        starts[pairCount] = UInt64(total)
        // Workers in order, each in unit order: every pair's postings
        // ascend. Each worker's places come after the workers' before it, so
        // all write at once.
        var workerNext: [[Int]] = []
        for finder in finders {
            workerNext.append(next)
            for pair in 0..<pairCount where next[pair] >= 0 { next[pair] += Int(finder.sizes.base[pair]) }
        }
        let starting = workerNext, target = DisjointWrites(postings)
        DispatchQueue.concurrentPerform(iterations: finders.count) { worker in
            var next = starting[worker]
            let finder = finders[worker], postings = target.buffer
            for index in 0..<finder.pairs.count {
                let pair = Int(finder.pairs.base[index])
                guard next[pair] >= 0 else { continue }
                postings[next[pair]] = finder.postings.base[index]
                next[pair] += 1
            }
        }
        return (memory, tables)
    }
}
