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
        return units.map { unit, fuzzy in
            HitLocation(episode: Int(index.unitEpisode[unit]), field: index.unitField[unit],
                        item: Int(index.unitItem[unit]), fuzzy: fuzzy)
        }
    }

    /// Every hit in one of the index's episodes, in document order (exact and fuzzy together).
    public func locations(inEpisode episode: Int) -> [HitLocation] {
        guard episode < index.unitEpisodeBase.count else { return [] }
        let start = index.unitEpisodeBase[episode]
        let end = episode + 1 < index.unitEpisodeBase.count ? index.unitEpisodeBase[episode + 1] : index.unitCount
        var result: [HitLocation] = []
        for unit in exact.members(in: start..<end) {
            result.append(HitLocation(episode: episode, field: index.unitField[unit], item: Int(index.unitItem[unit]), fuzzy: false))
        }
        for unit in fuzzyOnly.members(in: start..<end) {
            result.append(HitLocation(episode: episode, field: index.unitField[unit], item: Int(index.unitItem[unit]), fuzzy: true))
        }
        return result
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
        guard location.episode < index.episodes.count else { return nil }
        let base = index.unitEpisodeBase[location.episode]
        let end = location.episode + 1 < index.unitEpisodeBase.count ? index.unitEpisodeBase[location.episode + 1] : index.unitCount
        guard let unit = (base..<end).first(where: { index.unitField[$0] == location.field && Int(index.unitItem[$0]) == location.item }) else {
            return nil
        }
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
            var text = index.text(episode: Int(index.unitEpisode[unit]), field: index.unitField[unit], item: Int(index.unitItem[unit]))
            if text.utf8.count > 65_536 { text = String(text.unicodeScalars.prefix(65_536)) }
            for word in Highlighter.ranges(in: text, matchers: matchers).fuzzyWords where seen.insert(word).inserted {
                words.append(word)
            }
        }
        return words
    }

    private func hit(unit: Int, fuzzy: Bool) -> SearchHit {
        let episode = Int(index.unitEpisode[unit])
        let field = index.unitField[unit]
        let item = Int(index.unitItem[unit])
        let text = index.text(episode: episode, field: field, item: item)
        let found = Highlighter.ranges(in: text, matchers: matchers)
        return SearchHit(episode: episode, field: field, item: item, start: index.unitStart[unit], text: text,
                         ranges: found.ranges, fuzzy: fuzzy, matched: fuzzy ? found.fuzzyWords : [])
    }
}

extension SearchIndex {
    /// Answers a query. Cost grows with the postings of the words asked
    /// for, not with the size of the archive's text.
    public func search(_ query: SearchQuery) -> SearchResults {
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
        var fuzzyOnly = required
        fuzzyOnly.subtract(requiredExact)
        let exactCount = requiredExact.count
        return SearchResults(query: query, total: exactCount + fuzzyOnly.count, exactCount: exactCount,
                             exact: requiredExact, fuzzyOnly: fuzzyOnly, matchers: matchers, index: self)
    }

    public func search(_ text: String, exact: Bool = false) -> SearchResults {
        search(SearchQuery(text, exact: exact))
    }

    /// The displayed text of a unit.
    func text(episode: Int, field: SearchField, item: Int) -> String {
        let source = episodes[episode]
        switch field {
        case .transcript: return source.segments[item].text
        case .shownotes: return source.shownotesItems[item]
        case .people: return source.people[item].searchText
        case .reading: return source.reading[item].text
        case .chapters: return source.chapters[item].title
        }
    }

    /// Term IDs of every word that starts with `prefix`.
    func termIDs(withPrefix prefix: String) -> [Int32] {
        var low = 0
        var high = sortedTerms.count
        while low < high {
            let middle = (low + high) / 2
            if terms[Int(sortedTerms[middle])] < prefix { low = middle + 1 } else { high = middle }
        }
        var result: [Int32] = []
        var position = low
        while position < sortedTerms.count, terms[Int(sortedTerms[position])].hasPrefix(prefix) {
            result.append(sortedTerms[position])
            position += 1
        }
        return result
    }

    /// Term IDs within the fuzzy allowance of `word`, not counting `word` itself.
    func fuzzyTermIDs(for word: String) -> [Int32] {
        // Numbers are never "nearly" right: 2022 is not 2024.
        guard !word.contains(where: \.isNumber) else { return [] }
        let limit = EditDistance.allowance(forLength: word.unicodeScalars.count)
        guard limit > 0 else { return [] }
        let target = word.unicodeScalars.map(\.value)
        let letters = LetterSet.of(word)
        let length = Int32(target.count)
        var buffer = EditDistance.Buffer()
        var result: [Int32] = []
        // Length and letters refuse most words at once; the rest get the edit distance.
        for id in terms.indices where abs(termLengths[id] - length) <= Int32(limit)
            && LetterSet.mayBeWithin(termLetters[id], letters, limit: limit) {
            let term = terms[id]
            guard term != word, !(term.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false) else { continue }
            if term.utf8.withContiguousStorageIfAvailable({ EditDistance.within($0, target, limit: limit, buffer: &buffer) }) ?? false {
                result.append(Int32(id))
            }
        }
        return result
    }
}

