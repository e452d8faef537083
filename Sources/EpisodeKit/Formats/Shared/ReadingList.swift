/// Splits recommended-reading text into items and each item into its parts.
///
/// Episode pages often run several references together on one line:
/// `A: Title, Series 2026/C 04, 28.01.2026 B, et al.: Title 2, 27.04.2026`.
/// Each reference ends with its date, so the text is cut after every date.
enum ReadingList {
    static func items(from lines: [String]) -> [ReadingItem] {
        lines.flatMap(splitAtDates).map(item(from:))
    }

    /// Pieces of `line`, each ending with a date (the last one may have none).
    static func splitAtDates(_ line: String) -> [String] {
        var pieces: [String] = []
        var rest = line[...]
        while let range = dateAnywhere.use({ rest.firstMatch(of: $0)?.range }) {
            var end = range.upperBound
            // Take punctuation that closes the reference with it.
            while end < rest.endIndex, ".;)".contains(rest[end]) { end = rest.index(after: end) }
            let piece = rest[..<end].trimmingWhitespace()
            if !piece.isEmpty { pieces.append(piece) }
            rest = rest[end...]
        }
        let tail = rest.trimmingWhitespace()
        if !tail.isEmpty {
            // A tail too short to be a reference of its own belongs to the one before.
            if let last = pieces.last, tail.count < 12 {
                pieces[pieces.count - 1] = last + " " + tail
            } else {
                pieces.append(tail)
            }
        }
        return pieces
    }

    static func item(from text: String) -> ReadingItem {
        var rest = text.trimmingWhitespace()
        var url: String?
        if let range = link.use({ rest.firstMatch(of: $0)?.range }) {
            url = String(rest[range]).trimmingTrailing(".,;)")
            rest = (rest[..<range.lowerBound] + rest[range.upperBound...]).collapsingWhitespace()
        }
        var date: CalendarDate?
        if let found = dateAtEnd.use({ regex in rest.firstMatch(of: regex).map { ($0.range, String($0.output.1)) } }) {
            date = parseDate(found.1)
            rest = String(rest[..<found.0.lowerBound])
        }
        rest = rest.trimmingTrailing(" ,;").trimmingWhitespace()

        var authors: [String] = []
        if let colon = rest.firstRange(of: ": ") {
            let candidate = rest[..<colon.lowerBound].trimmingWhitespace()
            if candidate.count <= 80, !candidate.contains(where: \.isNumber) {
                authors = splitAuthors(candidate)
                rest = rest[colon.upperBound...].trimmingWhitespace()
            }
        }

        var series: String?
        let pieces = rest.split(separator: ", ", omittingEmptySubsequences: false)
        if pieces.count > 1, let last = pieces.last, last.count <= 48, last.contains(where: \.isNumber) {
            series = last.trimmingWhitespace()
            rest = pieces.dropLast().joined(separator: ", ").trimmingWhitespace()
        }
        return ReadingItem(authors: authors, title: rest, series: series, date: date, url: url,
                           text: text.trimmingWhitespace())
    }

    private static func splitAuthors(_ text: String) -> [String] {
        var names = [text]
        for separator in [", ", "; ", " / ", " and ", " und ", " & "] {
            names = names.flatMap { $0.split(separator: separator).map(String.init) }
        }
        return names.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    // Dates the pages write: 28.01.2026, 2026-01-28, 28 January 2026.
    private static let dateAnywhere = SharedRegex(/\b(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mär|Mai|Okt|Dez)[a-zäu]*\.? \d{4})\b/)
    private static let dateAtEnd = SharedRegex(/,?\s*(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mär|Mai|Okt|Dez)[a-zäu]*\.? \d{4})[.;)]*\s*$/)

    // Regexes are built once: a literal in a function body is compiled
    // again every time the function runs.
    private static let link = SharedRegex(/https?:\/\/[^\s<>"]+/)
    private static let dottedDate = SharedRegex(/(\d{1,2})\.(\d{1,2})\.(\d{4})/)
    private static let isoDate = SharedRegex(/(\d{4})-(\d{2})-(\d{2})/)
    private static let writtenDate = SharedRegex(/(\d{1,2})\.? ([A-Za-zäÄ]{3})[a-zäu]*\.? (\d{4})/)

    static func parseDate(_ text: String) -> CalendarDate? {
        // `\d` also matches non-ASCII digits, which `Int` refuses: every
        // conversion is checked rather than forced.
        if let m = dottedDate.use({ regex in text.wholeMatch(of: regex).map { (String($0.1), String($0.2), String($0.3)) } }),
           let day = Int(m.0), let month = Int(m.1), let year = Int(m.2) {
            return CalendarDate(year: year, month: month, day: day)
        }
        if let m = isoDate.use({ regex in text.wholeMatch(of: regex).map { (String($0.1), String($0.2), String($0.3)) } }),
           let year = Int(m.0), let month = Int(m.1), let day = Int(m.2) {
            return CalendarDate(year: year, month: month, day: day)
        }
        if let m = writtenDate.use({ regex in text.wholeMatch(of: regex).map { (String($0.1), String($0.2), String($0.3)) } }),
           let day = Int(m.0), let year = Int(m.2), let month = monthNumbers[m.1.lowercased()] {
            return CalendarDate(year: year, month: month, day: day)
        }
        return nil
    }

    static let monthNumbers = [
        "jan": 1, "feb": 2, "mar": 3, "mär": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
    ]
}

extension String {
    func trimmingTrailing(_ characters: String) -> String {
        var copy = self
        while let last = copy.last, characters.contains(last) { copy.removeLast() }
        return copy
    }
}
