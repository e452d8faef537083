import CPrefetch
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Builds an index's tables: episodes are tokenised on every core, each
/// worker a contiguous run of them with its own vocabulary; the
/// vocabularies are then joined, sorted by bytes, and every posting list
/// copied once into its place in the one postings table.
///
/// One episode alone (the reader's index of the episode it shows) is split
/// by its units instead, and read twice: once counting each word, once
/// writing every posting straight into its place. Keeping each posting
/// twice meanwhile (as gathered, then in place) would make the index of a
/// million-line transcript need half again the memory of the file.
enum IndexBuilder {
    /// Part of a worker's share: an episode, or some of its units.
    struct Piece: Sendable {
        var episode: Int
        var units: SearchableUnits?
        var range: Range<Int>?
    }

    /// How many postings ahead the scatter asks for the place it will write.
    static let scatterAhead = 16

    /// `given` shares the episodes in a fixed way instead (for tests: which
    /// worker takes what otherwise depends on the moment).
    static func build(_ source: IndexSource, keepTexts: Bool, shares given: EpisodeShares? = nil) -> (IndexMemory, IndexTables) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let lean = source.count == 1
        let shares: EpisodeShares
        if let given {
            shares = given
        } else if lean {
            let units = source.units(0)
            let parts = max(1, min(cores, units.count / 512))
            var work = SearchIndex.chunks(count: units.count, parts: parts).map { [Piece(episode: 0, units: units, range: $0)] }
            if work.isEmpty { work = [[Piece(episode: 0, units: units, range: 0..<0)]] }
            shares = EpisodeShares(fixed: work)
        } else {
            shares = EpisodeShares(episodes: source.count, workers: max(1, min(source.count, cores)))
        }
        let partials = Locked([PartialIndex?](repeating: nil, count: shares.workers))
        DispatchQueue.concurrentPerform(iterations: shares.workers) { worker in
            var partial = PartialIndex(keepsPostings: !lean)
            let tokenizer = WordTokenizer()
            var taken = 0
            while let piece = shares.take(worker: worker, taken: taken) {
                taken += 1
                let units = piece.units ?? source.units(piece.episode)
                let range = piece.range ?? 0..<units.count
                // The word held back belongs to the run before.
                partial.countWaiting()
                partial.runs.append(EpisodeRun(episode: piece.episode, units: range.count, firstUnit: partial.unitEpisode.count,
                                               firstPosting: partial.postings.count))
                for unit in range {
                    partial.addUnit(units[unit], episode: Int32(piece.episode), keepText: keepTexts, tokenizer: tokenizer)
                }
            }
            partial.countWaiting()
            partial.termCounts = partial.table.counts()
            partial.byteOrder = partial.table.byteOrder()
            partials.withLock { $0[worker] = partial }
        }
        let gathered = partials.withLock { $0.compactMap { $0 } }
        // The second reading of a lean build: the worker's units again, each
        // posting with the worker's own term number.
        let again: Rescan? = lean ? Rescan(shares: shares.fixed, source: source, tables: gathered.map(\.table)) : nil
        return assemble(gathered, source: source, keepTexts: keepTexts, again: again)
    }

    private static func assemble(_ partials: [PartialIndex], source: IndexSource, keepTexts: Bool,
                                 again: Rescan?) -> (IndexMemory, IndexTables) {
        // One vocabulary over every worker's, in byte order: each worker
        // sorted its own while the others were still reading, and here the
        // sorted lists are merged, a word in several lists taking one rank.
        // A term's number is its rank.
        let (localRanks, rankSource) = mergeVocabularies(partials)
        let words = partials.map(\.table.words)
        let termCount = rankSource.count
        var postingCounts = [Int](repeating: 0, count: termCount)
        for (worker, partial) in partials.enumerated() {
            for (local, count) in partial.termCounts.enumerated() { postingCounts[Int(localRanks[worker][local])] += Int(count) }
        }
        let arenaBytes = rankSource.reduce(0) { $0 + Int(words[Int($1.worker)].lengths[Int($1.local)]) }
        let unitCount = partials.reduce(0) { $0 + $1.unitEpisode.count }
        let textBytes = keepTexts ? partials.reduce(0) { $0 + $1.texts.count } : 0
        var counts = [Int](repeating: 0, count: IndexLayout.Table.allCases.count)
        counts[IndexLayout.Table.termStarts.rawValue] = termCount + 1
        counts[IndexLayout.Table.arena.rawValue] = arenaBytes
        counts[IndexLayout.Table.postingStarts.rawValue] = termCount + 1
        counts[IndexLayout.Table.postings.rawValue] = postingCounts.reduce(0, +)
        counts[IndexLayout.Table.fuzzyOrder.rawValue] = termCount
        counts[IndexLayout.Table.lengthStarts.rawValue] = FuzzyLookup.bucketCount + 1
        counts[IndexLayout.Table.fuzzyLetters.rawValue] = termCount
        for table in [IndexLayout.Table.unitEpisode, .unitItem, .unitStart, .unitField] { counts[table.rawValue] = unitCount }
        counts[IndexLayout.Table.episodeBase.rawValue] = source.count + 1
        counts[IndexLayout.Table.episodeKey.rawValue] = source.count
        counts[IndexLayout.Table.episodeRevision.rawValue] = source.count
        counts[IndexLayout.Table.textStarts.rawValue] = keepTexts && unitCount > 0 ? unitCount + 1 : 0
        counts[IndexLayout.Table.texts.rawValue] = textBytes
        // The commonest terms also get their units as a bitmap: those with a
        // posting for every sixteenth unit or more, whose bitmap then costs at
        // most a quarter of their postings.
        let denseFloor = max(4096, unitCount / 16)
        let dense = (0..<termCount).filter { postingCounts[$0] >= denseFloor }
        let denseWords = (unitCount + 63) / 64
        counts[IndexLayout.Table.denseTerms.rawValue] = dense.count
        counts[IndexLayout.Table.denseBits.rawValue] = dense.count * denseWords

        // Only an index of many episodes keeps pairs: one episode's index (the
        // reader's, read twice to stay lean) is made at every opening, and
        // for a transcript of a million lines its memory comes first.
        let keepsPairs = again == nil && !dense.isEmpty && dense.count <= PairFinder.mostTerms
        let layout = IndexLayout(counts: counts)
        // Room for the pair tables at their largest (`addPairs`), so they
        // are added in place.
        var largest = counts
        if keepsPairs {
            largest[IndexLayout.Table.pairStarts.rawValue] = dense.count * dense.count + 1
            largest[IndexLayout.Table.pairPostings.rawValue] = pairBudget(postings: counts[IndexLayout.Table.postings.rawValue])
        }
        let memory = IndexMemory(allocating: layout.totalSize, reserving: IndexLayout(counts: largest).totalSize)
        let writable = UnsafeMutableRawBufferPointer(mutating: memory.base)
        layout.writeHeader(into: writable)
        let tables = layout.tables(in: memory.base)
        func mutable<T>(_ buffer: UnsafeBufferPointer<T>) -> UnsafeMutableBufferPointer<T> { UnsafeMutableBufferPointer(mutating: buffer) }

        // The vocabulary in rank order: where each term starts, then the
        // terms themselves, their letter sets and length buckets, on every
        // core (each a run of ranks).
        let termStarts = mutable(tables.termStarts), arena = mutable(tables.arena)
        var cursor = 0
        for (position, source) in rankSource.enumerated() {
            termStarts[position] = UInt32(cursor)
            cursor += Int(words[Int(source.worker)].lengths[Int(source.local)])
        }
        termStarts[termCount] = UInt32(cursor)
        let bucketsOut = DisjointWrites(UnsafeMutableBufferPointer<Int>.allocate(capacity: termCount))
        let letterSetsOut = DisjointWrites(UnsafeMutableBufferPointer<UInt64>.allocate(capacity: termCount))
        defer {
            bucketsOut.buffer.deallocate()
            letterSetsOut.buffer.deallocate()
        }
        let vocabularyParts = SearchIndex.chunks(count: termCount, parts: min(partials.count, max(1, termCount / 4096)))
        let arenaOut = DisjointWrites(arena), startsOut = DisjointWrites(termStarts)
        DispatchQueue.concurrentPerform(iterations: vocabularyParts.count) { part in
            for position in vocabularyParts[part] {
                let source = rankSource[position]
                var at = Int(startsOut.buffer[position])
                words[Int(source.worker)].withBytes(Int(source.local)) { bytes in
                    for byte in bytes { arenaOut.buffer[at] = byte; at += 1 }
                    letterSetsOut.buffer[position] = LetterSet.of(bytes)
                    let letters = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                    bucketsOut.buffer[position] = min(letters, FuzzyLookup.bucketCount - 1)
                }
            }
        }
        let buckets = bucketsOut.buffer
        let letterSets = letterSetsOut.buffer
        // The fuzzy lookup's table: terms by length (stable, so by rank within a length).
        let fuzzyOrder = mutable(tables.fuzzyOrder), lengthStarts = mutable(tables.lengthStarts)
        let fuzzyLetters = mutable(tables.fuzzyLetters)
        var bucketSizes = [Int](repeating: 0, count: FuzzyLookup.bucketCount)
        for bucket in buckets { bucketSizes[bucket] += 1 }
        var next = [Int](repeating: 0, count: FuzzyLookup.bucketCount)
        var running = 0
        for bucket in 0..<FuzzyLookup.bucketCount {
            lengthStarts[bucket] = UInt32(running)
            next[bucket] = running
            running += bucketSizes[bucket]
        }
        lengthStarts[FuzzyLookup.bucketCount] = UInt32(running)
        for position in 0..<termCount {
            let place = next[buckets[position]]
            fuzzyOrder[place] = UInt32(position)
            fuzzyLetters[place] = letterSets[position]
            next[buckets[position]] = place + 1
        }

        // Postings: each worker's lists in worker order, so units stay ascending.
        let postingStarts = mutable(tables.postingStarts), postings = mutable(tables.postings)
        var total: UInt64 = 0
        for position in 0..<termCount {
            postingStarts[position] = total
            total += UInt64(postingCounts[position])
        }
        postingStarts[termCount] = total
        // Where each worker's postings of a term begin: after the earlier workers'.
        var cursors = (0..<termCount).map { Int(postingStarts[$0]) }
        var workerCursors: [[Int]] = []
        for (worker, partial) in partials.enumerated() {
            let ranks = localRanks[worker]
            var mine = [Int](repeating: 0, count: partial.termCounts.count)
            for (local, count) in partial.termCounts.enumerated() {
                let position = Int(ranks[local])
                mine[local] = cursors[position]
                cursors[position] += Int(count)
            }
            workerCursors.append(mine)
        }
        // Units are numbered in episode order (each run's first unit after
        // the runs before it), and each worker's runs are read in that
        // order, so every term's postings ascend. A worker that took its
        // episodes from the end of its block has them the other way round.
        let ascending = partials.map { partial in partial.runs.indices.sorted { partial.runs[$0].episode < partial.runs[$1].episode } }
        var runStarts = partials.map { [Int](repeating: 0, count: $0.runs.count) }
        var nextUnit = 0
        for worker in partials.indices {
            for run in ascending[worker] {
                runStarts[worker][run] = nextUnit
                nextUnit += partials[worker].runs[run].units
            }
        }
        // Each worker scatters its postings into its own places, all at once,
        // and meanwhile finds where two of the commonest terms stand in a row.
        let target = DisjointWrites(postings)
        let starts = workerCursors, runBases = runStarts, runOrder = ascending
        var densePlace = [Int16](repeating: -1, count: keepsPairs ? termCount : 0)
        for (place, term) in dense.enumerated() where keepsPairs { densePlace[term] = Int16(place) }
        let localDense: [[Int16]] = keepsPairs ? localRanks.map { ranks in ranks.map { densePlace[Int($0)] } } : []
        let found = Locked([PairFinder?](repeating: nil, count: partials.count))
        DispatchQueue.concurrentPerform(iterations: partials.count) { worker in
            let partial = partials[worker]
            var mine = starts[worker]
            let postings = target.buffer
            /// What turns a run's local unit numbers into the index's, in a posting.
            func shift(_ run: Int) -> UInt64 {
                UInt64(bitPattern: Int64(runBases[worker][run] - partial.runs[run].firstUnit)) << 32
            }
            var finder = PairFinder(termCount: keepsPairs ? dense.count : 0)
            let dense = keepsPairs ? localDense[worker] : []
            if let again {
                // One run (a part of the one episode) per worker.
                let shift = runBases[worker].isEmpty ? 0 : shift(0)
                again.read(worker: worker) { local, value in
                    postings[mine[local]] = value &+ shift
                    mine[local] += 1
                    if keepsPairs, dense[local] >= 0 { finder.add(value &+ shift, term: dense[local]) }
                }
            } else {
                let unitCount = partial.unitFirstPosting.count
                mine.withUnsafeMutableBufferPointer { mine in
                    dense.withUnsafeBufferPointer { dense in
                        partial.unitFirstPosting.withUnsafeBufferPointer { starting in
                            for run in runOrder[worker] {
                                // The run's units in order, each posting given its unit's number.
                                let firstUnit = partial.runs[run].firstUnit
                                let toIndex = UInt64(bitPattern: Int64(runBases[worker][run] - firstUnit))
                                let end = run + 1 < partial.runs.count ? partial.runs[run + 1].firstPosting : partial.postings.count
                                var unit = firstUnit, at = partial.runs[run].firstPosting
                                var nextUnitStarts = unit + 1 < unitCount ? starting[unit + 1] : partial.postings.count
                                partial.postings.forEachRun(in: at..<end) { entries in
                                    for index in 0..<entries.count {
                                        while at >= nextUnitStarts {
                                            unit += 1
                                            nextUnitStarts = unit + 1 < unitCount ? starting[unit + 1] : partial.postings.count
                                        }
                                        // The place written some postings ahead, asked for now.
                                        if index + Self.scatterAhead < entries.count {
                                            podread_prefetch_for_write(postings.baseAddress! + mine[Int(entries[index + Self.scatterAhead] >> 32)])
                                        }
                                        let local = Int(entries[index] >> 32)
                                        let value = (UInt64(unit) &+ toIndex) << 32 | entries[index] & 0xFFFF_FFFF
                                        postings[mine[local]] = value
                                        mine[local] += 1
                                        if keepsPairs, dense[local] >= 0 { finder.add(value, term: dense[local]) }
                                        at += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            finder.finish()
            found.withLock { $0[worker] = finder }
        }
        // Number aliases are reported after the words they cover, so a
        // term's postings inside one unit can be out of position order: each
        // term's list is checked (and sorted if need be), on every core,
        // each a run of terms with about as many postings as the others.
        let sortParts = postingParts(postingStarts, parts: partials.count * 4)
        let sortTarget = DisjointWrites(postings), startsOfTerms = DisjointWrites(postingStarts)
        DispatchQueue.concurrentPerform(iterations: sortParts.count) { part in
            let postings = sortTarget.buffer, sortStarts = startsOfTerms.buffer
            for term in sortParts[part] {
                let range = Int(sortStarts[term])..<Int(sortStarts[term + 1])
                var previous: UInt64 = 0
                for index in range {
                    if postings[index] < previous {
                        var slice = UnsafeMutableBufferPointer(rebasing: postings[range])
                        slice.sort()
                        break
                    }
                    previous = postings[index]
                }
            }
        }

        // The common terms' bitmaps, from their postings (each its own).
        let denseTerms = mutable(tables.denseTerms)
        for (place, term) in dense.enumerated() { denseTerms[place] = UInt32(term) }
        let bitsOut = DisjointWrites(mutable(tables.denseBits))
        DispatchQueue.concurrentPerform(iterations: dense.count) { place in
            let term = dense[place], bits = bitsOut.buffer, postings = sortTarget.buffer, sortStarts = startsOfTerms.buffer
            let base = place * denseWords
            for index in Int(sortStarts[term])..<Int(sortStarts[term + 1]) {
                let unit = Int(postings[index] >> 32)
                bits[base + unit >> 6] |= 1 << UInt64(unit & 63)
            }
        }

        // Units and their texts, each worker's in episode order after the
        // workers' before it, copied on every core.
        let unitsOut = UnitTables(tables)
        var unitBases = [0], textBases = [0]
        for partial in partials {
            unitBases.append(unitBases.last! + partial.unitEpisode.count)
            textBases.append(textBases.last! + (keepTexts ? partial.texts.count : 0))
        }
        let firstUnits = unitBases, firstTexts = textBases
        DispatchQueue.concurrentPerform(iterations: partials.count) { worker in
            let partial = partials[worker]
            var unit = firstUnits[worker], textCursor = firstTexts[worker]
            for run in runOrder[worker] {
                for local in partial.runs[run].firstUnit..<(partial.runs[run].firstUnit + partial.runs[run].units) {
                    unitsOut.unitEpisode[unit] = partial.unitEpisode[local]
                    unitsOut.unitItem[unit] = partial.unitItem[local]
                    unitsOut.unitStart[unit] = partial.unitStart[local]
                    unitsOut.unitField[unit] = partial.unitField[local]
                    if keepTexts {
                        unitsOut.textStarts[unit] = UInt64(textCursor)
                        let end = Int(partial.textEnds[local])
                        let begin = local == 0 ? 0 : Int(partial.textEnds[local - 1])
                        for index in begin..<end { unitsOut.texts[textCursor] = partial.texts[index]; textCursor += 1 }
                    }
                    unit += 1
                }
            }
        }
        if keepTexts && unitCount > 0 { mutable(tables.textStarts)[unitCount] = UInt64(textBases.last!) }
        let episodeBase = mutable(tables.episodeBase), episodeKey = mutable(tables.episodeKey)
        let episodeRevision = mutable(tables.episodeRevision)
        var unitsOfEpisode = [Int](repeating: 0, count: source.count)
        for partial in partials {
            for run in partial.runs { unitsOfEpisode[run.episode] += run.units }
        }
        var firstUnit: Int64 = 0
        for episode in 0..<source.count {
            episodeBase[episode] = firstUnit
            let key = source.key(episode)
            episodeKey[episode] = key.key
            episodeRevision[episode] = key.revision
            firstUnit += Int64(unitsOfEpisode[episode])
        }
        episodeBase[source.count] = firstUnit
        guard keepsPairs else { return (memory, tables) }
        return addPairs(found.withLock { $0.compactMap { $0 } }, counts: counts, memory: memory,
                        frequencies: dense.map { postingCounts[$0] }, budget: pairBudget(postings: postings.count))
    }
}
