/// The parts of an episode a person reads, as the search sees them.
public enum SearchField: String, Sendable, CaseIterable, Comparable {
    case transcript, shownotes, people, reading, chapters

    /// The order the screen shows them in, and hits are listed in.
    var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: SearchField, rhs: SearchField) -> Bool { lhs.rank < rhs.rank }
}

/// One searchable unit: a transcript segment or an item of another field.
public struct SearchableItem: Sendable, Equatable {
    public var field: SearchField
    /// The segment's index for the transcript; otherwise the item's place in its field.
    public var item: Int
    public var text: String
    public var start: TimeCode?
}

extension Episode {
    /// Everything a person reads, in the order hits are listed: transcript
    /// segments in time order, then shownotes (the title, then each
    /// paragraph), people, reading and chapter titles.
    public var searchableItems: [SearchableItem] {
        var items: [SearchableItem] = []
        let order = segments.indices.sorted { (segments[$0].start, $0) < (segments[$1].start, $1) }
        for index in order {
            items.append(SearchableItem(field: .transcript, item: index, text: segments[index].text,
                                        start: hasTimes ? segments[index].start : nil))
        }
        for (number, text) in shownotesItems.enumerated() {
            items.append(SearchableItem(field: .shownotes, item: number, text: text, start: nil))
        }
        for (number, person) in people.enumerated() {
            items.append(SearchableItem(field: .people, item: number, text: person.searchText, start: nil))
        }
        for (number, item) in reading.enumerated() {
            items.append(SearchableItem(field: .reading, item: number, text: item.text, start: nil))
        }
        for (number, chapter) in chapters.enumerated() {
            items.append(SearchableItem(field: .chapters, item: number, text: chapter.title, start: chapter.start))
        }
        return items
    }

    /// How many searchable items there are, without laying them out.
    public var searchableItemCount: Int {
        segments.count + shownotesItems.count + people.count + reading.count + chapters.count
    }

    /// The shownotes as items: the title, then each paragraph.
    public var shownotesItems: [String] {
        [title] + shownotes.split(separator: "\n\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

extension Person {
    /// `Name — about`, as the people list shows a person.
    public var searchText: String {
        about.map { "\(name) — \($0)" } ?? name
    }
}
