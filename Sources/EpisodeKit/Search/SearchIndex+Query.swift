/// Units a search is kept to (see `SearchIndex.mask`).
public struct UnitMask: Sendable {
    let set: UnitSet
}

/// The answer to one query: counts at once, hits on demand.
public struct SearchResults: Sendable {
    public let query: SearchQuery
    /// Every unit that matches.
    public let total: Int
    /// Units that match without fuzzy help.
    public let exactCount: Int
    let exact: UnitSet
    let fuzzyOnly: UnitSet
    let matchers: [RequirementMatcher]
    let index: SearchIndex

    public var isEmpty: Bool { total == 0 }

    /// Every hit's location: exact hits in document order, then fuzzy ones.
    public func locations(limit: Int = .max) -> [HitLocation] {
        var units = exact.members(limit: limit).map { ($0, false) }
        if units.count < limit {
            units += fuzzyOnly.members(limit: limit - units.count).map { ($0, true) }
        }
        return units.map { unit, fuzzy in index.location(ofUnit: unit, fuzzy: fuzzy) }
    }

    /// Every hit in one of the index's episodes, in document order (exact and fuzzy together).
    public func locations(inEpisode episode: Int) -> [HitLocation] {
        let units = index.tables.units(ofEpisode: episode)
        return exact.members(in: units).map { index.location(ofUnit: $0, fuzzy: false) }
            + fuzzyOnly.members(in: units).map { index.location(ofUnit: $0, fuzzy: true) }
    }

    /// Hits per episode of the index, exact and fuzzy, without listing
    /// them: for ranking episodes by their hits.
    public func countsPerEpisode() -> [(episode: Int, exact: Int, fuzzy: Int)] {
        var result: [(Int, Int, Int)] = []
        for episode in 0..<index.episodeCount {
            let units = index.tables.units(ofEpisode: episode)
            let exactCount = exact.count(in: units), fuzzyCount = fuzzyOnly.count(in: units)
            if exactCount + fuzzyCount > 0 { result.append((episode, exactCount, fuzzyCount)) }
        }
        return result
    }

    /// The first hits of one episode: exact ones, or only-fuzzy ones, in document order.
    public func hits(inEpisode episode: Int, fuzzy: Bool, limit: Int) -> [SearchHit] {
        let units = index.tables.units(ofEpisode: episode)
        return (fuzzy ? fuzzyOnly : exact).members(in: units).prefix(limit).map { hit(unit: $0, fuzzy: fuzzy) }
    }

    /// The first `limit` hits with their text and highlight ranges.
    public func hits(limit: Int = .max) -> [SearchHit] {
        var units = exact.members(limit: limit).map { ($0, false) }
        if units.count < limit {
            units += fuzzyOnly.members(limit: limit - units.count).map { ($0, true) }
        }
        return units.map { hit(unit: $0.0, fuzzy: $0.1) }
    }

    /// The hit at a location (for the reader, which lists locations first).
    public func hit(at location: HitLocation) -> SearchHit? {
        let tables = index.tables
        guard let unit = tables.units(ofEpisode: location.episode).first(where: {
            tables.field(ofUnit: $0) == location.field && Int(tables.unitItem[$0]) == location.item
        }) else { return nil }
        return hit(unit: unit, fuzzy: location.fuzzy)
    }

    /// Ranges to highlight in any text (for panes that render their own lines).
    public func highlights(in text: String) -> (ranges: [Range<Int>], fuzzyWords: [String]) {
        Highlighter.ranges(in: text, matchers: matchers)
    }

    /// Ranges to highlight in part of a long text (scalar offsets `window`),
    /// found in that part and a little either side of it, so a phrase across
    /// its edge is still marked. The cost follows the part, not the text: a
    /// line of a million words is highlighted as fast as a short one.
    public func highlights(in text: String, near window: Range<Int>) -> [Range<Int>] {
        let margin = 256
        let scalars = text.unicodeScalars
        var lower = max(0, window.lowerBound - margin)
        guard var start = scalars.index(scalars.startIndex, offsetBy: lower, limitedBy: scalars.endIndex) else { return [] }
        var end = scalars.index(start, offsetBy: window.upperBound + margin - lower, limitedBy: scalars.endIndex) ?? scalars.endIndex
        // Cut between words, so no word is taken for a shorter one.
        if lower > 0 {
            while start < end, !scalars[start].isSpace { start = scalars.index(after: start); lower += 1 }
        }
        if end < scalars.endIndex {
            while end > start, !scalars[scalars.index(before: end)].isSpace { end = scalars.index(before: end) }
        }
        let part = String(scalars[start..<end])
        return Highlighter.ranges(in: part, matchers: matchers).ranges.map { ($0.lowerBound + lower)..<($0.upperBound + lower) }
    }

    /// The words found only fuzzily in the first hits, as written (`Baalbach`, `Baibach`).
    public func fuzzyWords(sampling limit: Int = 200) -> [String] {
        var seen = Set<String>()
        var words: [String] = []
        for unit in fuzzyOnly.members(limit: limit) {
            // The words are a notice, not a report: a huge text is sampled
            // from its start rather than highlighted whole on every keystroke.
            var text = index.text(ofUnit: unit)
            if text.utf8.count > 65_536 { text = String(text.unicodeScalars.prefix(65_536)) }
            for word in Highlighter.ranges(in: text, matchers: matchers).fuzzyWords where seen.insert(word).inserted {
                words.append(word)
            }
        }
        return words
    }

    private func hit(unit: Int, fuzzy: Bool) -> SearchHit {
        let location = index.location(ofUnit: unit, fuzzy: fuzzy)
        let text = index.text(ofUnit: unit)
        let found = Highlighter.ranges(in: text, matchers: matchers)
        return SearchHit(episode: location.episode, field: location.field, item: location.item, start: index.tables.start(ofUnit: unit), text: text,
                         ranges: found.ranges, fuzzy: fuzzy, matched: fuzzy ? found.fuzzyWords : [])
    }
}

extension SearchIndex {
    /// Answers a query. Cost grows with the postings of the words asked
    /// for, not with the size of the archive's text.
    public func search(_ query: SearchQuery) -> SearchResults {
        search(query, within: nil)
    }

    /// Units of the episodes to keep, for searching only those (an index
    /// on disk holds episodes that were removed or indexed again since).
    public func mask(keepingEpisodes keep: (Int) -> Bool) -> UnitMask {
        var set = UnitSet(capacity: unitCount)
        for episode in 0..<episodeCount where keep(episode) {
            for unit in tables.units(ofEpisode: episode) { set.insert(unit) }
        }
        return UnitMask(set: set)
    }

    /// Answers a query over the units of `mask` only.
    public func search(_ query: SearchQuery, within mask: UnitMask?) -> SearchResults {
        var required = UnitSet(capacity: unitCount)
        required.fill(count: unitCount)
        var requiredExact = required
        var matchers: [RequirementMatcher] = []
        var anyRequired = false
        for requirement in query.requirements {
            let matcher = RequirementMatcher(requirement: requirement, index: self)
            let sets = matcher.units(in: self)
            if requirement.excluded {
                required.subtract(sets.exact)
                requiredExact.subtract(sets.exact)
            } else {
                anyRequired = true
                var either = sets.exact
                either.formUnion(sets.fuzzy)
                required.formIntersection(either)
                requiredExact.formIntersection(sets.exact)
                matchers.append(matcher)
            }
        }
        if !anyRequired {
            required = UnitSet(capacity: unitCount)
            requiredExact = required
        }
        if let mask {
            required.formIntersection(mask.set)
            requiredExact.formIntersection(mask.set)
        }
        var fuzzyOnly = required
        fuzzyOnly.subtract(requiredExact)
        let exactCount = requiredExact.count
        return SearchResults(query: query, total: exactCount + fuzzyOnly.count, exactCount: exactCount,
                             exact: requiredExact, fuzzyOnly: fuzzyOnly, matchers: matchers, index: self)
    }

    public func search(_ text: String, exact: Bool = false) -> SearchResults {
        search(SearchQuery(text, exact: exact))
    }

    func location(ofUnit unit: Int, fuzzy: Bool) -> HitLocation {
        HitLocation(episode: Int(tables.unitEpisode[unit]), field: tables.field(ofUnit: unit), item: Int(tables.unitItem[unit]), fuzzy: fuzzy)
    }

    /// The displayed text of a unit: from its episode, or from the tables.
    func text(ofUnit unit: Int) -> String {
        let episode = Int(tables.unitEpisode[unit])
        guard episode >= 0, episode < episodes.count else { return tables.storedText(ofUnit: unit) }
        let source = episodes[episode]
        let item = Int(tables.unitItem[unit])
        switch tables.field(ofUnit: unit) {
        case .transcript: return source.segments[item].text
        case .shownotes: return source.shownotesItems[item]
        case .people: return source.people[item].searchText
        case .reading: return source.reading[item].text
        case .chapters: return source.chapters[item].title
        }
    }

    /// The term with exactly this folded form.
    func termID(for word: String) -> Int32? {
        var word = word
        return word.withUTF8 { tables.termID($0) }.map(Int32.init)
    }

    /// The folded form of a term.
    public func term(_ id: Int32) -> String { tables.term(Int(id)) }

    /// A term's postings.
    func postings(of id: Int32) -> UnsafeBufferPointer<UInt64> { tables.postings(of: Int(id)) }

    /// Term IDs of every word that starts with `prefix`.
    func termIDs(withPrefix prefix: String) -> [Int32] {
        var prefix = prefix
        return prefix.withUTF8 { bytes in
            var result: [Int32] = []
            var position = tables.lowerBound(bytes)
            while position < tables.termCount, IndexTables.hasPrefix(tables.termBytes(position), bytes) {
                result.append(Int32(position))
                position += 1
            }
            return result
        }
    }

    /// Term IDs within the fuzzy allowance of `word`, not counting `word` itself.
    func fuzzyTermIDs(for word: String) -> [Int32] {
        // Numbers are never "nearly" right: 2022 is not 2024.
        guard !word.contains(where: \.isNumber) else { return [] }
        let limit = EditDistance.allowance(forLength: word.unicodeScalars.count)
        guard limit > 0 else { return [] }
        let target = word.unicodeScalars.map(\.value)
        var word = word
        let words = fuzzyWords
        return word.withUTF8 { bytes in FuzzyLookup(words: words).terms(within: limit, of: target, excluding: bytes) }
    }
}
