/// One segment or item that matches a search.
public struct SearchHit: Sendable, Equatable {
    /// Which of the index's episodes.
    public var episode: Int
    public var field: SearchField
    /// The segment index (transcript) or the item's place in its field.
    public var item: Int
    /// When it starts, for fields with times.
    public var start: TimeCode?
    /// The text as displayed.
    public var text: String
    /// What to highlight, in Unicode scalars of `text`.
    public var ranges: [Range<Int>]
    /// Whether the hit needed fuzzy matching.
    public var fuzzy: Bool
    /// The words of `text` that matched fuzzily (`Baalbach` for `Ballbach`).
    public var matched: [String]
}

/// Where a hit is, without its text and ranges: cheap to list in full.
public struct HitLocation: Sendable, Equatable, Hashable {
    public var episode: Int
    public var field: SearchField
    public var item: Int
    public var fuzzy: Bool
}
