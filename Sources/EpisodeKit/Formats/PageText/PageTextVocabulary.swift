/// The words episode pages use for their parts, in English and German (the
/// languages of the pages podread has met). Matching is case-insensitive on
/// the whole trimmed line, or on the label before a colon.
enum PageTextVocabulary {
    static let shownotesHeadings: Set<String> = [
        "shownotes", "show notes", "episode notes", "notes", "beschreibung", "über diese folge",
    ]

    static let transcriptHeadings: Set<String> = [
        "transkript anzeigen", "transkript", "transcript", "show transcript", "view transcript",
        "read transcript", "full transcript", "episode transcript", "transkript ausblenden",
        "hide transcript",
    ]

    static let readingLabels: Set<String> = [
        "recommended reading", "further reading", "literature", "literatur",
        "leseempfehlung", "leseempfehlungen", "lesetipps", "weiterführende literatur",
    ]

    static let roleLabels: [String: Person.Role] = [
        "guest": .guest, "guests": .guest, "gast": .guest, "gäste": .guest, "gastin": .guest,
        "host": .host, "hosts": .host, "moderation": .host, "moderator": .host,
        "moderatorin": .host, "presenter": .host, "hosted by": .host,
        "producer": .other, "editor": .other, "redaktion": .other, "produktion": .other,
    ]

    /// Lines that begin the page's comment form and footer. Everything from
    /// the first of them on is page chrome, not episode.
    static let chromeLines: Set<String> = [
        "neuer kommentar", "kommentar schreiben", "kommentare", "kommentieren",
        "dein name oder pseudonym (wird öffentlich angezeigt)", "dein name oder pseudonym",
        "mindestens 10 zeichen", "absenden", "abschicken", "kommentar absenden",
        "new comment", "leave a comment", "leave a reply", "add a comment", "comments",
        "post comment", "write a comment", "your name", "your comment",
    ]

    static func normalised<S: StringProtocol>(_ line: S) -> String {
        var text = line.trimmingWhitespace().lowercased()
        while let last = text.last, last == ":" || last == "." { text.removeLast() }
        return text
    }

    static func isChrome<S: StringProtocol>(_ line: S) -> Bool {
        chromeLines.contains(normalised(line))
    }

    static func isTranscriptHeading<S: StringProtocol>(_ line: S) -> Bool {
        transcriptHeadings.contains(normalised(line))
    }

    static func isShownotesHeading<S: StringProtocol>(_ line: S) -> Bool {
        shownotesHeadings.contains(normalised(line))
    }

    /// `Label: rest` where the label is one of `labels`; returns the label
    /// (lowercased) and the rest of the line.
    static func labelled<S: StringProtocol>(_ line: S, from labels: some Sequence<String>) -> (label: String, rest: String)? {
        let trimmed = line.trimmingWhitespace()
        guard let colon = trimmed.firstIndex(of: ":") else {
            let whole = normalised(trimmed)
            return labels.contains(whole) ? (whole, "") : nil
        }
        let label = trimmed[..<colon].trimmingWhitespace().lowercased()
        guard labels.contains(label) else { return nil }
        return (label, trimmed[trimmed.index(after: colon)...].trimmingWhitespace())
    }
}
