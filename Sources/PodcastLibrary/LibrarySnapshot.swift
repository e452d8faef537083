import EpisodeKit

/// The library's index as one search: its segments, each kept to the
/// episodes of it that count, and the library's episodes in the order
/// results list them.
public final class LibrarySnapshot: @unchecked Sendable {
    struct Part {
        var index: SearchIndex
        /// Index episode → place in the directory, for the episodes that count.
        var placeOfEpisode: [Int: Int]
        var mask: UnitMask

        init(index: SearchIndex, places: [(episode: Int, place: Int)]) {
            self.index = index
            var placeOfEpisode: [Int: Int] = [:]
            for entry in places where entry.place >= 0 { placeOfEpisode[entry.episode] = entry.place }
            self.placeOfEpisode = placeOfEpisode
            mask = index.mask { placeOfEpisode[$0] != nil }
        }
    }

    /// Every episode of the library, in listing order (a hit's `episode` is its place here).
    public let directory: [IndexedEpisodeInfo]
    let parts: [Part]
    /// What bringing the index up to date took.
    public let work: SearchStore.Work

    init(directory: [IndexedEpisodeInfo], parts: [Part], work: SearchStore.Work) {
        self.directory = directory
        self.parts = parts
        self.work = work
    }

    /// Words in the index's vocabularies (a word in two segments counts twice).
    public var termCount: Int { parts.reduce(0) { $0 + $1.index.termCount } }
    public var segmentCount: Int { parts.count }
    /// Bytes of text the segments keep.
    public var textBytes: Int { parts.reduce(0) { $0 + $1.index.storedTextBytes } }
    /// The segments themselves, for measuring them.
    public var segments: [SearchIndex] { parts.map(\.index) }

    /// Answers a query over every episode, or one podcast's.
    public func search(_ query: SearchQuery, podcastID: Int64? = nil) -> LibraryResults {
        var found: [LibraryResults.EpisodeHits] = []
        var results: [SearchResults] = []
        var total = 0
        for part in parts {
            let mask = podcastID.map { id in
                part.index.mask { episode in part.placeOfEpisode[episode].map { directory[$0].podcastID == id } ?? false }
            } ?? part.mask
            let answer = part.index.search(query, within: mask)
            total += answer.total
            for counts in answer.countsPerEpisode() {
                guard let place = part.placeOfEpisode[counts.episode] else { continue }
                found.append(LibraryResults.EpisodeHits(place: place, exact: counts.exact, fuzzy: counts.fuzzy,
                                                        part: results.count, episode: counts.episode))
            }
            results.append(answer)
        }
        found.sort { $0.place < $1.place }
        return LibraryResults(total: total, episodes: found, results: results)
    }
}

/// The answer to a library search: counts per episode at once, hits on demand.
public struct LibraryResults: Sendable {
    public struct EpisodeHits: Sendable {
        /// The episode's place in the snapshot's directory.
        public var place: Int
        public var exact: Int
        public var fuzzy: Int
        var part: Int
        var episode: Int
    }

    public let total: Int
    /// Episodes with hits, in listing order.
    public let episodes: [EpisodeHits]
    let results: [SearchResults]

    public var isEmpty: Bool { total == 0 }

    /// The first hits in listing order, exact ones before fuzzy ones (as
    /// an episode's search lists them); each hit's `episode` is its place.
    public func hits(limit: Int = .max) -> [SearchHit] {
        var hits: [SearchHit] = []
        for fuzzy in [false, true] {
            for entry in episodes where (fuzzy ? entry.fuzzy : entry.exact) > 0 {
                guard hits.count < limit else { return hits }
                hits += results[entry.part].hits(inEpisode: entry.episode, fuzzy: fuzzy, limit: limit - hits.count).map { placed($0, entry) }
            }
        }
        return hits
    }

    /// An episode's first hits, exact ones first.
    public func hits(of entry: EpisodeHits, limit: Int) -> [SearchHit] {
        var hits = results[entry.part].hits(inEpisode: entry.episode, fuzzy: false, limit: limit)
        if hits.count < limit { hits += results[entry.part].hits(inEpisode: entry.episode, fuzzy: true, limit: limit - hits.count) }
        return hits.map { placed($0, entry) }
    }

    /// The query's results in one segment, for reports that take them (JSON).
    public func segmentResults(of entry: EpisodeHits) -> SearchResults { results[entry.part] }

    private func placed(_ hit: SearchHit, _ entry: EpisodeHits) -> SearchHit {
        var hit = hit
        hit.episode = entry.place
        return hit
    }
}
