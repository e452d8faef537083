/// The ways podread writes a quote; the reader and the command line give the same text.
public enum QuoteFormat: String, CaseIterable, Sendable {
    case plain, markdown, json, cite

    /// The next format, for the reader's format key.
    public var next: QuoteFormat {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    public func format(_ quote: Quote) -> String {
        switch self {
        case .plain: QuoteWriter.plain(quote)
        case .markdown: QuoteWriter.markdown(quote)
        case .json: QuoteWriter.json(quote).serialized()
        case .cite: QuoteWriter.cite(quote)
        }
    }
}

/// The text of each format.
enum QuoteWriter {
    /// `“text” — Speaker, Episode title (Podcast), 00:12:31`
    static func plain(_ quote: Quote) -> String {
        "“\(quote.text)” — " + attribution(quote, timestamp: quote.timestamp)
    }

    /// A blockquote, then the attribution with the timestamp linked to the audio.
    static func markdown(_ quote: Quote) -> String {
        let stamp = quote.timestamp.isEmpty ? "" : (quote.link.map { "[\(quote.timestamp)](\($0))" } ?? quote.timestamp)
        return "> \(quote.text)\n\n— " + attribution(quote, timestamp: stamp)
    }

    static func json(_ quote: Quote) -> JSONValue {
        .object([
            ("text", .string(quote.text)),
            ("start", quote.timed ? .seconds(quote.start) : .null),
            ("end", quote.timed ? .seconds(quote.end) : .null),
            ("timestamp", quote.timed ? .string(quote.timestamp) : .null),
            ("episode", .string(quote.episodeTitle)),
            ("podcast", .optional(quote.podcast)),
            ("speaker", .optional(quote.speaker)),
            ("link", .optional(quote.link)),
        ])
    }

    /// A reference for a bibliography: people, date, title, podcast, URL, timestamp.
    static func cite(_ quote: Quote) -> String {
        var parts: [String] = []
        let hosts = quote.people.filter { $0.role == .host }.map(\.name)
        let guests = quote.people.filter { $0.role == .guest }.map(\.name)
        var people = hosts.isEmpty ? "" : hosts.joined(separator: ", ") + " (host)"
        if !guests.isEmpty { people += (people.isEmpty ? "" : ", with ") + guests.joined(separator: ", ") }
        let date = quote.date.map { "(\($0.description))" } ?? "(n.d.)"
        parts.append(people.isEmpty ? date : people + " " + date)
        var title = "“\(quote.episodeTitle)”"
        if let podcast = quote.podcast { title += ", \(podcast)" }
        parts.append(title + " [podcast]")
        if !quote.timestamp.isEmpty { parts.append(quote.timestamp) }
        if let link = quote.link { parts.append(link) }
        // Each part ends with exactly one full stop.
        return parts.map { $0.trimmingTrailing(".") }.joined(separator: ". ") + "."
    }

    /// `Speaker, Episode title (Podcast), 00:12:31`, with what is unknown left out.
    private static func attribution(_ quote: Quote, timestamp: String) -> String {
        var pieces: [String] = []
        if let speaker = quote.speaker { pieces.append(speaker) }
        var title = quote.episodeTitle
        if let podcast = quote.podcast { title += " (\(podcast))" }
        pieces.append(title)
        if !timestamp.isEmpty { pieces.append(timestamp) }
        return pieces.joined(separator: ", ")
    }
}
