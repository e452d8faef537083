/// A recommended-reading reference, split into its parts where the text
/// carries them; `text` keeps the item as it was written.
public struct ReadingItem: Hashable, Sendable {
    public var authors: [String]
    public var title: String
    public var series: String?
    public var date: CalendarDate?
    public var url: String?
    public var text: String
    /// Where in the episode the item is mentioned (an item from a chapter's link).
    public var time: TimeCode?
    /// Where the item came from.
    public var source: Source

    /// The page's reading list, a link in a feed's shownotes, or a chapter's link.
    public enum Source: String, Sendable {
        case page, shownotes, chapter
    }

    public init(authors: [String] = [], title: String, series: String? = nil,
                date: CalendarDate? = nil, url: String? = nil, text: String, time: TimeCode? = nil, source: Source = .page) {
        self.time = time
        self.source = source
        self.authors = authors
        self.title = title
        self.series = series
        self.date = date
        self.url = url
        self.text = text
    }
}

/// A day without a time zone, as publication dates are written.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1000...9999).contains(year) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    /// `28 Jan 2026`, for the screen.
    public var readable: String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day) \(names[month - 1]) \(year)"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
