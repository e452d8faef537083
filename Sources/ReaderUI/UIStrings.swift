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
    static let chaptersTitle = "Chapters"
    static let chaptersNoTranscript = "Chapters (the transcript could not be fetched: M says why)"
    static let hintsSearching = "Enter keep · Esc cancel · ↑↓ history"
    static let hintsTime = "12:31 · 1h2m · +30s · -1m · Enter jump · Esc cancel"
    static let hintsCommand = "a time (12:31), messages or q · Enter · Esc"
    static func hintsList(down: String, up: String) -> String { "\(down)/\(up) move · Enter jump · Esc close" }
    static func hintsScroll(down: String, up: String) -> String { "\(down)/\(up) scroll · Esc closes" }
    static let countHelp = "a count before a command: 5j, 3n, 10G (the 10th line)"
    static let messagesHelp = "the same as M, typed after :"
    static let messagesTitle = "Messages"
    static let linksTitle = "Links"
    static let noMessages = "no messages yet"
    static func moreMessages(_ count: Int, key: String) -> String { " (+\(count) more: \(key))" }
    static func resumed(_ time: TimeCode) -> String { "resumed at \(time.formatted)" }
    static func chapter(_ number: Int, of count: Int, title: String) -> String { "chapter \(number)/\(count): \(title)" }
    static let lastChapter = "no chapter after this one"
    static let firstChapter = "no chapter before this one"
    static func volume(_ value: Int, muted: Bool) -> String { muted ? "volume \(value)% (muted)" : "volume \(value)%" }
    static let nothingToSelect = "nothing here to select"
    static let nothingToCopy = "nothing here to copy"
    static func transcriptFailed(_ reason: String) -> String { "The transcript could not be fetched: \(reason)" }
    static let unknownDuration = "unknown"
    static let searchWrappedTop = "search hit BOTTOM, continuing at TOP"
    static let searchWrappedBottom = "search hit TOP, continuing at BOTTOM"
    static let noChapters = "this episode has no chapters"
    static let noTimes = "this transcript has no times to jump to"
    static let noLink = "no link here"
    static func noSearch(key: String) -> String { "no search yet: press \(key) to search" }

    static func followOff(key: String) -> String { "follow off: \(key) follows the audio again" }
    static let following = "following the audio"
    static func speed(_ value: Double) -> String { "speed \(speedText(value))" }
    static func speedText(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)×"
    }
    static func quoteFormat(_ format: QuoteFormat) -> String { "quotes are copied as \(format.rawValue)" }
    static func selecting(_ count: Int, _ span: String, format: QuoteFormat, items: Bool = false) -> String {
        let noun = items ? "item" : "line"
        return "-- SELECT -- \(count) \(noun)\(count == 1 ? "" : "s")\(span.isEmpty ? "" : " " + span)  (\(format.rawValue))"
    }
    static func hintsSelecting(copy: String, format: String, end: String) -> String {
        "move to extend · \(copy) copy · \(format) format · \(end) end"
    }


    static func notFound(_ query: String) -> String { "not found: \(query)" }
    static let indexing = "indexing…"
    static func onlySimilar(_ words: [String]) -> String { "only similar words: " + words.joined(separator: ", ") }
    static func alsoFound(_ words: [String]) -> String { "also found: " + words.joined(separator: ", ") }
    static func noHitsInPane(_ pane: PaneKind) -> String { "no hits in \(pane.title.lowercased())" }
    static func counter(_ current: Int, _ here: Int, all: Int) -> String {
        all == here ? "\(current)/\(here)" : "\(current)/\(here) here · \(all) in all"
    }
    static func jumped(_ time: TimeCode) -> String { "at \(time.formatted)" }
    public static func opening(_ url: String) -> String { "opening \(url)" }
    public static func copiedLink(_ url: String) -> String { "no opener here; link copied: \(url)" }
    static func unknownCommand(_ text: String) -> String { "unknown command: \(text) (a time such as 12:31, or q)" }
}
