extension IndexBuilder {
    /// The workers' vocabularies as one, in byte order: for each worker,
    /// each local term's rank; for each rank, a worker and local id that
    /// hold its bytes. A merge of the workers' sorted lists (a handful, one
    /// per core): at each step the least word at their heads takes the
    /// next rank, in every list that holds it.
    static func mergeVocabularies(_ partials: [PartialIndex]) -> ([[Int32]], [(worker: Int32, local: Int32)]) {
        let lists = partials.map(\.byteOrder)
        let words = partials.map(\.table.words)
        if lists.count == 2 { return mergeTwo(lists[0], lists[1], words[0], words[1]) }
        var localRanks = lists.map { [Int32](repeating: 0, count: $0.count) }
        var rankSource: [(worker: Int32, local: Int32)] = []
        rankSource.reserveCapacity(lists.map(\.count).max() ?? 0)
        var cursors = [Int](repeating: 0, count: lists.count)
        /// Whether the word at the head of list `worker` comes before (-1),
        /// with (0) or after (1) the one at the head of list `other`.
        func order(_ worker: Int, _ other: Int, _ cursors: [Int]) -> Int {
            let left = lists[worker][cursors[worker]], right = lists[other][cursors[other]]
            if left.key != right.key { return left.key < right.key ? -1 : 1 }
            return words[worker].withBytes(Int(left.local)) { leftBytes in
                words[other].withBytes(Int(right.local)) { IndexTables.compare(leftBytes, $0) }
            }
        }
        while true {
            var least = -1
            for worker in lists.indices where cursors[worker] < lists[worker].count {
                if least < 0 || order(worker, least, cursors) < 0 { least = worker }
            }
            guard least >= 0 else { break }
            let rank = Int32(rankSource.count)
            rankSource.append((Int32(least), lists[least][cursors[least]].local))
            for worker in lists.indices where worker != least && cursors[worker] < lists[worker].count
                && order(worker, least, cursors) == 0 {
                localRanks[worker][Int(lists[worker][cursors[worker]].local)] = rank
                cursors[worker] += 1
            }
            localRanks[least][Int(lists[least][cursors[least]].local)] = rank
            cursors[least] += 1
        }
        return (localRanks, rankSource)
    }

    /// The same for two lists (two cores, the common case), as a plain
    /// two-way merge over the lists' memory: the general loop's checks and
    /// copies made it cost more than sorting either list.
    private static func mergeTwo(_ first: [(key: UInt64, local: Int32)], _ second: [(key: UInt64, local: Int32)],
                                 _ firstWords: TermWords, _ secondWords: TermWords)
        -> ([[Int32]], [(worker: Int32, local: Int32)]) {
        var firstRanks = [Int32](repeating: 0, count: first.count)
        var secondRanks = [Int32](repeating: 0, count: second.count)
        var rankSource = [(worker: Int32, local: Int32)](repeating: (0, 0), count: first.count + second.count)
        var ranks = 0
        first.withUnsafeBufferPointer { a in
            second.withUnsafeBufferPointer { b in
                firstRanks.withUnsafeMutableBufferPointer { aRanks in
                    secondRanks.withUnsafeMutableBufferPointer { bRanks in
                        rankSource.withUnsafeMutableBufferPointer { source in
                            var i = 0, j = 0, rank = 0
                            while i < a.count || j < b.count {
                                let order: Int
                                if i == a.count {
                                    order = 1
                                } else if j == b.count {
                                    order = -1
                                } else if a[i].key != b[j].key {
                                    order = a[i].key < b[j].key ? -1 : 1
                                } else {
                                    order = firstWords.withBytes(Int(a[i].local)) { left in
                                        secondWords.withBytes(Int(b[j].local)) { IndexTables.compare(left, $0) }
                                    }
                                }
                                if order <= 0 {
                                    aRanks[Int(a[i].local)] = Int32(rank)
                                    source[rank] = (0, a[i].local)
                                    i += 1
                                }
                                if order >= 0 {
                                    bRanks[Int(b[j].local)] = Int32(rank)
                                    if order > 0 { source[rank] = (1, b[j].local) }
                                    j += 1
                                }
                                rank += 1
                            }
                            ranks = rank
                        }
                    }
                }
            }
        }
        rankSource.removeLast(rankSource.count - ranks)
        return ([firstRanks, secondRanks], rankSource)
    }
}
