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
        let units = searchableUnits
        return (0..<units.count).map { units[$0] }
    }

    /// The same items, each made when it is read: the index of a long
    /// transcript reads one line's text at a time rather than holding a
    /// copy of every line at once.
    public var searchableUnits: SearchableUnits {
        let segments = self.segments, timed = hasTimes
        let count = segments.count
        let inOrder = (1..<max(1, count)).allSatisfy { segments.start(at: $0 - 1) <= segments.start(at: $0) }
        let order: [Int]? = inOrder ? nil : segments.indices.sorted { (segments.start(at: $0), $0) < (segments.start(at: $1), $1) }
        var others: [SearchableItem] = []
        for (number, text) in shownotesItems.enumerated() {
            others.append(SearchableItem(field: .shownotes, item: number, text: text, start: nil))
        }
        for (number, person) in people.enumerated() {
            others.append(SearchableItem(field: .people, item: number, text: person.searchText, start: nil))
        }
        for (number, item) in reading.enumerated() {
            others.append(SearchableItem(field: .reading, item: number, text: item.text, start: nil))
        }
        for (number, chapter) in chapters.enumerated() {
            others.append(SearchableItem(field: .chapters, item: number, text: chapter.title, start: chapter.start))
        }
        let rest = others
        return SearchableUnits(count: count + rest.count) { unit in
            guard unit < count else { return rest[unit - count] }
            let index = order?[unit] ?? unit
            return SearchableItem(field: .transcript, item: index, text: segments.text(at: index),
                                  start: timed ? segments.start(at: index) : nil)
        }
    }

    /// How many searchable items there are, without laying them out.
    public var searchableItemCount: Int {
        segments.count + shownotesItems.count + people.count + reading.count + chapters.count
    }

    /// The shownotes as items: the title, then each paragraph.
    public var shownotesItems: [String] {
        [title] + Self.paragraphs(shownotes).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The text's pieces between blank lines, as `split(separator: "\n\n")`
    /// gives them, found in the UTF-8 bytes: that split compares characters,
    /// and an index of many episodes asked for every episode's shownotes.
    /// Without a carriage return, every line feed is a character of its own,
    /// so bytes and characters agree; text with one takes the split itself.
    static func paragraphs(_ text: String) -> [Substring] {
        let bytes = text.utf8
        guard !bytes.contains(13) else { return text.split(separator: "\n\n") }
        var pieces: [Substring] = []
        var start = bytes.startIndex, index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == 10, next != bytes.endIndex, bytes[next] == 10 {
                if start != index { pieces.append(text[start..<index]) }
                index = bytes.index(after: next)
                start = index
            } else {
                index = next
            }
        }
        if start != bytes.endIndex { pieces.append(text[start...]) }
        return pieces
    }
}

/// An episode's searchable items in order, each made when it is asked for.
public struct SearchableUnits: Sendable {
    public let count: Int
    private let make: @Sendable (Int) -> SearchableItem

    public init(_ items: [SearchableItem]) {
        count = items.count
        make = { items[$0] }
    }

    init(count: Int, make: @escaping @Sendable (Int) -> SearchableItem) {
        self.count = count
        self.make = make
    }

    public subscript(unit: Int) -> SearchableItem { make(unit) }
}

extension Person {
    /// `Name — about`, as the people list shows a person.
    public var searchText: String {
        about.map { "\(name) — \($0)" } ?? name
    }
}
