import EpisodeKit

/// The active search: its results and, per pane, the entries that hold hits.
public struct SearchState: Sendable {
    public var query: String
    public var results: SearchResults
    /// Per pane, entries with hits, in document order.
    public var hits: PaneTable<[Int]>
    /// Words found only by fuzzy matching, as written.
    public var fuzzyWords: [String]

    init(query: String, results: SearchResults, episode: Episode, episodeNumber: Int, timeline: SegmentTimeline) {
        self.query = query
        self.results = results
        // Arrays sorted once rather than sets: a search in a transcript of a
        // million lines may have half a million hits, on every keystroke.
        var hits: [PaneKind: [Int]] = [:]
        let shownotesCount = episode.shownotesItems.count
        for location in results.locations(inEpisode: episodeNumber) {
            switch location.field {
            case .transcript: hits[.transcript, default: []].append(location.item)
            case .shownotes: hits[.shownotes, default: []].append(location.item)
            case .people: hits[.shownotes, default: []].append(shownotesCount + location.item)
            case .reading: hits[.reading, default: []].append(location.item)
            case .chapters:
                if let segment = timeline.segmentIndex(at: episode.chapters[location.item].start) {
                    hits[.transcript, default: []].append(segment)
                }
            }
        }
        self.hits = PaneTable { pane in
            var unique: [Int] = []
            let entries = hits[pane] ?? []
            unique.reserveCapacity(entries.count)
            for entry in entries.sorted() where unique.last != entry { unique.append(entry) }
            return unique
        }
        fuzzyWords = results.exactCount == 0 ? results.fuzzyWords() : []
    }

    /// `k/total` for a pane whose cursor is at `entry`: k counts hits at or before it.
    func counter(for pane: PaneKind, cursor entry: Int) -> (current: Int, total: Int) {
        let entries = hits[pane]
        guard !entries.isEmpty else { return (0, 0) }
        return (entries.partitionPoint { $0 > entry }, entries.count)
    }
}

extension Array where Element == Int {
    /// Whether the (sorted) array holds `value`, by binary search.
    func sortedContains(_ value: Int) -> Bool {
        let index = partitionPoint { $0 >= value }
        return index < count && self[index] == value
    }

    /// The number of leading elements for which `belongsAfter` is false (the array is sorted).
    func partitionPoint(_ belongsAfter: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
