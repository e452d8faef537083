/// A run of consecutive segments (or one) from an episode, ready to be cited.
public struct Quote: Sendable, Equatable {
    public var episodeTitle: String
    public var podcast: String?
    public var people: [Person]
    public var date: CalendarDate?
    /// Where a listener can hear it: the audio, or the episode's page.
    public var url: String?
    public var segments: [Segment]
    public var timed: Bool

    /// The segments `first...last` of an episode (in either order).
    public init(episode: Episode, segments range: ClosedRange<Int>) {
        let lower = max(0, range.lowerBound), upper = min(episode.segments.count - 1, range.upperBound)
        episodeTitle = episode.title
        podcast = episode.podcast
        people = episode.people
        date = episode.publicationDate
        url = episode.audioURL ?? episode.pageURL
        segments = lower <= upper ? Array(episode.segments[lower...upper]) : []
        timed = episode.hasTimes
    }

    /// Passages that are not transcript lines (a shownotes paragraph, a
    /// reading item), cited as from the episode: with a time when they have
    /// one (an item that came from a chapter), without one otherwise.
    public init(episode: Episode, passages: [String], at time: TimeCode? = nil) {
        episodeTitle = episode.title
        podcast = episode.podcast
        people = episode.people
        date = episode.publicationDate
        url = episode.audioURL ?? episode.pageURL
        segments = passages.enumerated().map { Segment(index: $0, start: time ?? .zero, end: time, text: $1) }
        timed = time != nil && episode.hasTimes
    }

    public var start: TimeCode { segments.first?.start ?? .zero }
    /// The end of the last segment (its start when it has no length).
    public var end: TimeCode { segments.last.map { max($0.end, $0.start) } ?? .zero }
    public var isRange: Bool { segments.count > 1 }

    /// `00:12:31`, or `00:12:31–00:13:02` for several segments.
    public var timestamp: String {
        guard timed else { return "" }
        return isRange ? "\(start.formatted)–\(end.formatted)" : start.formatted
    }

    /// The one speaker of the whole quote, when there is exactly one.
    public var speaker: String? {
        let names = Set(segments.compactMap(\.speaker))
        return names.count == 1 && segments.allSatisfy({ $0.speaker != nil }) ? names.first : nil
    }

    /// The words, joined with single spaces; when the speaker changes inside
    /// the quote, each change is labelled (`Host: … Guest: …`).
    public var text: String {
        let labelled = speaker == nil && segments.contains { $0.speaker != nil }
        var parts: [String] = []
        var lastSpeaker: String?
        for segment in segments {
            var piece = segment.text.collapsingWhitespace()
            if labelled, let name = segment.speaker, name != lastSpeaker {
                piece = "\(name): " + piece
                lastSpeaker = name
            }
            if !piece.isEmpty { parts.append(piece) }
        }
        return parts.joined(separator: " ")
    }

    public var wordCount: Int { text.split(separator: " ").count }

    /// The W3C media fragment link to the quote (`URL#t=751` or `#t=751,782`).
    public var link: String? {
        guard let url, timed else { return url }
        let base = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        return isRange ? "\(base)#t=\(start.secondsText),\(end.secondsText)" : "\(base)#t=\(start.secondsText)"
    }
}
