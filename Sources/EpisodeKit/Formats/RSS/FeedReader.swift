/// Reads a podcast RSS 2.0 feed, with the iTunes and Podcasting 2.0 tags.
///
/// Tolerates what real feeds do: namespaces used without being declared,
/// CDATA, HTML escaped inside descriptions, white space before the XML
/// declaration. No DTD or external entity is ever read.
public enum FeedReader {
    public static func read(_ source: SourceText) throws(EpisodeReadError) -> Feed {
        let document = MarkupElement.parse(source.text)
        guard let channel = document.descendant("channel") else {
            throw EpisodeReadError("an RSS feed needs a <channel> element")
        }
        let items = channel.children("item").enumerated().map { item($0.element, number: $0.offset) }
        // Newest first; items without a date keep their place relative to each other.
        let ordered = items.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?) where x != y: return x > y
            default: return a.offset < b.offset
            }
        }.map(\.element)
        return Feed(
            podcast: channel.value("title").map(MarkupText.plain) ?? "Untitled podcast",
            author: channel.value("itunes:author") ?? channel.value("author"),
            image: channel.child("itunes:image")?.attributes["href"] ?? channel.child("image")?.value("url"),
            items: ordered
        )
    }

    private static func item(_ element: MarkupElement, number: Int) -> FeedItem {
        // The shownotes: the full notes when the feed has them, else the short description.
        let html = [element.value("content:encoded"), element.value("description"), element.value("itunes:summary")]
            .compactMap { $0 }.first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        var notes = MarkupText.readableWithLinks(looksEscaped(html) ? Entities.decode(html) : html)
        let title = element.value("title").map(MarkupText.plain) ?? element.value("itunes:title") ?? "Episode \(number + 1)"
        // Notes often open with the episode's title as a heading: it is shown once.
        if let end = notes.text.range(of: "\n\n"), notes.text[..<end.lowerBound] == title.collapsingWhitespace() {
            notes.text = String(notes.text[end.upperBound...])
        }
        let audio = element.child("enclosure").flatMap { enclosure -> Enclosure? in
            guard let url = enclosure.attributes["url"]?.trimmingWhitespace().nonEmpty else { return nil }
            return Enclosure(url: url, type: enclosure.attributes["type"], length: enclosure.attributes["length"].flatMap { Int($0) })
        }
        let transcripts = element.children("podcast:transcript").compactMap { link -> TranscriptLink? in
            guard let url = link.attributes["url"]?.trimmingWhitespace().nonEmpty else { return nil }
            return TranscriptLink(url: url, type: link.attributes["type"] ?? "", language: link.attributes["language"], rel: link.attributes["rel"])
        }
        let people = element.children("podcast:person").compactMap { person -> Person? in
            guard let name = person.text.collapsingWhitespace().nonEmpty else { return nil }
            let written = (person.attributes["role"] ?? "host").collapsingWhitespace()
            let role: Person.Role = switch written.lowercased() {
            case "host": .host
            case "guest": .guest
            default: .other
            }
            let link = person.attributes["href"]?.trimmingWhitespace().nonEmpty
            return Person(name: name, role: role, roleName: role == .other ? written : nil, link: link)
        }
        return FeedItem(
            title: title,
            date: element.value("pubdate").flatMap(parseRFC822Date) ?? element.value("dc:date").flatMap(ReadingList.parseDate),
            description: notes.text,
            duration: element.value("itunes:duration").flatMap(parseDuration),
            audio: audio,
            link: element.value("link"),
            transcripts: transcripts,
            chaptersURL: element.child("podcast:chapters")?.attributes["url"],
            people: people,
            guid: element.value("guid")?.trimmingWhitespace().nonEmpty,
            links: notes.links.map { link in
                ReadingItem(title: link.text, url: link.url, text: link.text == link.url ? link.url : "\(link.text) \(link.url)",
                            source: .shownotes)
            }
        )
    }

    /// HTML that was escaped twice (`&lt;p&gt;`) arrives as text with tags in it.
    private static func looksEscaped(_ text: String) -> Bool {
        text.containsBytes("&lt;") && !text.containsByte(UInt8(ascii: "<"))
    }

    /// `Wed, 28 Jan 2026 10:00:00 +0000` → 2026-01-28.
    static func parseRFC822Date(_ text: String) -> CalendarDate? {
        // Read by words, not a regex: a feed has a date per item, and a
        // regex match costs more than the rest of the item.
        let words = text.utf8.split(whereSeparator: { $0 == 32 || $0 == 44 || ($0 >= 9 && $0 <= 13) })
        for start in words.indices.dropLast(2) {
            let day = words[start], month = words[start + 1], year = words[start + 2]
            guard (1...2).contains(day.count), day.allSatisfy(isDigit), year.count == 4, year.allSatisfy(isDigit) else { continue }
            var letters = month.last == UInt8(ascii: ".") ? month.dropLast() : month[...]
            guard letters.count >= 3, letters.allSatisfy({ isLetter($0) }) else { continue }
            letters = letters.prefix(3)
            guard let number = ReadingList.monthNumbers[String(decoding: letters, as: UTF8.self).lowercased()] else { continue }
            return CalendarDate(year: Int(String(decoding: year, as: UTF8.self))!, month: number,
                                day: Int(String(decoding: day, as: UTF8.self))!)
        }
        return ReadingList.parseDate(String(text.prefix(10)))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }

    /// `3723`, `62:03` or `1:02:03`.
    static func parseDuration(_ text: String) -> TimeCode? {
        CueTiming.time(text.trimmingWhitespace())
    }
}

extension Feed {
    /// The episode for an item, without its transcript (which the loader
    /// fetches from the item's link).
    public func episode(_ item: FeedItem) -> Episode {
        var people = item.people
        if people.isEmpty, let author { people = [Person(name: author, role: .host)] }
        var episode = Episode(title: item.title, podcast: podcast, shownotes: item.description, people: people,
                              reading: item.links, audioURL: item.audio?.url, pageURL: item.link, publicationDate: item.date,
                              format: .rss)
        episode.statedDuration = item.duration
        episode.identity = item.identity
        return episode
    }
}
