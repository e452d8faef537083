import EpisodeKit
import Foundation
import GRDB

/// A followed podcast, as the library keeps it.
public struct Podcast: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "podcast"
    public var id: Int64?
    /// The feed's address, or the path of a local feed file.
    public var feedURL: String
    public var title: String
    public var author: String?
    public var imageURL: String?
    /// When the feed was last fetched (answered 200 or 304), seconds since 1970.
    public var lastFetched: Double?
    public var etag: String?
    public var lastModified: String?
    /// Why the last refresh failed, when it did.
    public var lastError: String?
    public var added: Double

    public init(feedURL: String, title: String) {
        self.feedURL = feedURL
        self.title = title
        added = Date().timeIntervalSince1970
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An episode of a followed podcast. It stays when it drops out of the
/// feed (`inFeed` false), with what the reader remembers of it.
public struct LibraryEpisode: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "episode"
    public var id: Int64?
    public var podcastID: Int64
    /// `guid:…`, `audio:…` or `item:title date` (see `FeedItem.identity`).
    public var identity: String
    public var title: String
    /// `YYYY-MM-DD`.
    public var date: String?
    public var duration: Double?
    public var audioURL: String?
    public var pageURL: String?
    public var shownotes: String
    /// The shownotes' links (their words and addresses), as JSON: the episode's reading.
    public var links: String
    public var transcriptURL: String?
    public var chaptersURL: String?
    public var transcriptCached: Bool
    public var chaptersCached: Bool
    /// Why the transcript (or chapters) could not be fetched, when it could not.
    public var fetchProblem: String?
    public var inFeed: Bool
    /// Where the reader was, in seconds; nil when never opened.
    public var position: Double?
    public var finished: Bool

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var calendarDate: CalendarDate? {
        guard let date, date.count == 10, let year = Int(date.prefix(4)), let month = Int(date.dropFirst(5).prefix(2)),
              let day = Int(date.suffix(2)) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

/// A shownotes link as the library keeps it.
struct StoredLink: Codable {
    var title: String
    var url: String

    static func encode(_ items: [ReadingItem]) -> String {
        let links = items.compactMap { item in item.url.map { StoredLink(title: item.title, url: $0) } }
        // Keys in a fixed order: the same links must make the same text, or
        // every refresh would count the episode as changed.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(links)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func decode(_ text: String) -> [ReadingItem] {
        let links = (try? JSONDecoder().decode([StoredLink].self, from: Data(text.utf8))) ?? []
        return links.map { ReadingItem(title: $0.title, url: $0.url, text: $0.title == $0.url ? $0.url : "\($0.title) \($0.url)", source: .shownotes) }
    }
}

/// Where a file opened by path was left (library episodes keep theirs on their row).
struct RememberedPosition: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "position"
    var key: String
    var seconds: Double
}
