/// A podcast feed: the channel and its episodes.
public struct Feed: Sendable {
    public var podcast: String
    public var author: String?
    public var image: String?
    /// Newest first (by publication date where items have one; otherwise as listed).
    public var items: [FeedItem]
}

/// One episode of a feed.
public struct FeedItem: Sendable {
    public var title: String
    public var date: CalendarDate?
    /// Shownotes as readable text (HTML turned into paragraphs, links numbered).
    public var description: String
    public var duration: TimeCode?
    public var audio: Enclosure?
    public var link: String?
    public var transcripts: [TranscriptLink]
    public var chaptersURL: String?
    public var people: [Person]
    /// The item's `<guid>`, when it has one.
    public var guid: String?
    /// The links of the shownotes, in order, each address once: the
    /// episode's recommended reading.
    public var links: [ReadingItem] = []

    /// What tells this item apart from the others of its feed, for as long
    /// as the feed lists it: its `guid`, else its enclosure URL, else its
    /// title and date.
    public var identity: String {
        if let guid, !guid.isEmpty { return "guid:" + guid }
        if let url = audio?.url { return "audio:" + url }
        return "item:" + title + (date.map { " " + $0.description } ?? "")
    }

    /// The transcript to read: timed formats first (JSON, WebVTT, SRT), then HTML, then plain text.
    public var preferredTranscript: TranscriptLink? {
        transcripts.min { $0.preference < $1.preference }
    }
}

/// The audio file of an episode.
public struct Enclosure: Sendable, Equatable {
    public var url: String
    public var type: String?
    public var length: Int?
}

/// A `<podcast:transcript>` link.
public struct TranscriptLink: Sendable, Equatable {
    public var url: String
    public var type: String
    public var language: String?
    public var rel: String?

    /// Lower is better.
    var preference: Int {
        let type = type.lowercased()
        if type.contains("json") { return 0 }
        if type.contains("vtt") { return 1 }
        if type.contains("srt") || type.contains("subrip") { return 2 }
        if type.contains("html") { return 3 }
        return 4
    }
}
