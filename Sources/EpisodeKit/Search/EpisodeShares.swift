/// An episode (or a part of one) as one worker read it: its units are
/// the worker's `firstUnit..<firstUnit + units`, its postings (when kept)
/// begin at `firstPosting`.
struct EpisodeRun {
    var episode: Int
    var units: Int
    var firstUnit: Int
    var firstPosting: Int
}

/// How the workers share the episodes. Many episodes: each two workers
/// share a block of neighbouring episodes, one taking them from its start
/// and one from its end until they meet, so a worker slowed by the shared
/// machine (or given longer episodes) takes fewer, and each worker's
/// episodes stay one contiguous run (its postings can then be placed after
/// the workers' before it). One episode: its units in fixed parts.
final class EpisodeShares: @unchecked Sendable {
    let workers: Int
    let fixed: [[IndexBuilder.Piece]]
    private let blocks: Locked<[Range<Int>]>

    init(fixed: [[IndexBuilder.Piece]]) {
        self.fixed = fixed
        workers = fixed.count
        blocks = Locked([])
    }

    init(episodes: Int, workers: Int) {
        let chunks = SearchIndex.chunks(count: episodes, parts: workers)
        self.workers = chunks.count
        fixed = []
        blocks = Locked(stride(from: 0, to: chunks.count, by: 2).map { first in
            chunks[first].lowerBound..<chunks[min(first + 1, chunks.count - 1)].upperBound
        })
    }

    /// The next piece for `worker`, which has taken `taken` so far; nil when its share is done.
    func take(worker: Int, taken: Int) -> IndexBuilder.Piece? {
        guard fixed.isEmpty else { return taken < fixed[worker].count ? fixed[worker][taken] : nil }
        return blocks.withLock { blocks -> IndexBuilder.Piece? in
            let block = worker / 2
            guard !blocks[block].isEmpty else { return nil }
            if worker % 2 == 0 {
                defer { blocks[block] = (blocks[block].lowerBound + 1)..<blocks[block].upperBound }
                return IndexBuilder.Piece(episode: blocks[block].lowerBound)
            }
            defer { blocks[block] = blocks[block].lowerBound..<(blocks[block].upperBound - 1) }
            return IndexBuilder.Piece(episode: blocks[block].upperBound - 1)
        }
    }
}
