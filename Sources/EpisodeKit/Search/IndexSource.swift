/// What an index is built from: episodes one after another, each with its
/// searchable items and the key and revision that say which episode it is
/// (a library's episode id; for an index of loose files, its number).
public struct IndexSource: Sendable {
    public var count: Int
    public var units: @Sendable (Int) -> SearchableUnits
    public var key: @Sendable (Int) -> (key: Int64, revision: Int64)

    public init(count: Int, items: @escaping @Sendable (Int) -> [SearchableItem],
                key: @escaping @Sendable (Int) -> (key: Int64, revision: Int64)) {
        self.init(count: count, units: { SearchableUnits(items($0)) }, key: key)
    }

    public init(count: Int, units: @escaping @Sendable (Int) -> SearchableUnits,
                key: @escaping @Sendable (Int) -> (key: Int64, revision: Int64)) {
        self.count = count
        self.units = units
        self.key = key
    }

    /// Episodes in memory, keyed by their place.
    public static func episodes(_ episodes: [Episode]) -> IndexSource {
        IndexSource(count: episodes.count, units: { episodes[$0].searchableUnits }, key: { (Int64($0), 0) })
    }
}
