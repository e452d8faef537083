import EpisodeKit

/// Every word the reader shows, in one place.
public enum UIStrings {
    public static let appName = "podread"
    static let transcriptTitle = "Transcript"
    static let shownotesTitle = "Shownotes"
    static let readingTitle = "Recommended reading"
    static let tabsHint = "(Tab: next)"
    static let tooSmall = "too small"
    static let noTranscript = "This episode has no transcript."
    static let noReading = "No recommended reading."
    static let helpTitle = "Keys"
    static let helpFooter = "j/k scroll · Esc or ? closes this help"
    static let resultsTitle = "Search results"
    static let contentsTitle = "Chapters"
    static let hintsNormal = "/ search · t time · Tab pane · ? help · q quit"
    static let hintsShort = "/ search · t time · ? help"
    static let hintsShortest = "? help"
    static let hintsSearching = "Enter keep · Esc cancel · ↑↓ history"
    static let hintsTime = "12:31 · 1h2m · +30s · -1m · Enter jump · Esc cancel"
    static let hintsCommand = "a time (12:31) or q · Enter · Esc"
    static let hintsList = "j/k move · Enter jump · Esc close"
    static let searchWrappedTop = "search hit BOTTOM, continuing at TOP"
    static let searchWrappedBottom = "search hit TOP, continuing at BOTTOM"
    static let noChapters = "this episode has no chapters"
    static let noTimes = "this transcript has no times to jump to"
    static let noLink = "no link here"
    static let noSearch = "no search yet: press / to search"

    static let followOff = "follow off: f follows the audio again"
    static let following = "following the audio"
    static func speed(_ value: Double) -> String { "speed \(speedText(value))" }
    static func speedText(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)×"
    }
    static let selectInTranscript = "select lines in the transcript (Tab to it first)"
    static func quoteFormat(_ format: QuoteFormat) -> String { "quotes are copied as \(format.rawValue)" }
    static func selecting(_ count: Int, _ span: String, format: QuoteFormat) -> String {
        "-- SELECT -- \(count) line\(count == 1 ? "" : "s") \(span)  (\(format.rawValue))"
    }
    static let hintsSelecting = "move to extend · y copy · Y format · Esc end"

    static func role(_ role: Person.Role) -> String {
        switch role {
        case .host: "Host"
        case .guest: "Guest"
        case .other: "With"
        }
    }

    static func notFound(_ query: String) -> String { "not found: \(query)" }
    static let indexing = "indexing…"
    static func onlySimilar(_ words: [String]) -> String { "only similar words: " + words.joined(separator: ", ") }
    static func alsoFound(_ words: [String]) -> String { "also found: " + words.joined(separator: ", ") }
    static func noHitsInPane(_ pane: PaneKind) -> String { "no hits in \(pane.title.lowercased())" }
    static func jumped(_ time: TimeCode) -> String { "at \(time.formatted)" }
    static func opening(_ url: String) -> String { "opening \(url)" }
    static func copiedLink(_ url: String) -> String { "no opener here; link copied: \(url)" }
    static func unknownCommand(_ text: String) -> String { "unknown command: \(text) (a time such as 12:31, or q)" }
}
