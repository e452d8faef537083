/// What `podread search` prints.
public enum SearchReport {
    public static func json(_ results: SearchResults, hits: [SearchHit], episodeNames: [String]) -> JSONValue {
        .object([
            ("query", .string(results.query.text)),
            ("total", .int(results.total)),
            ("hits", .array(hits.map { hit in
                let timed = hit.field == .transcript || hit.field == .chapters
                return .object([
                    ("episode", .string(episodeNames[hit.episode])),
                    ("field", .string(hit.field.rawValue)),
                    ("segment", hit.field == .transcript ? .int(hit.item) : .null),
                    ("start", timed ? hit.start.map(JSONValue.seconds) ?? .null : .null),
                    ("timestamp", timed ? .optional(hit.start?.formatted) : .null),
                    ("text", .string(hit.text)),
                    ("fuzzy", .bool(hit.fuzzy)),
                    ("matched", .array(hit.matched.map(JSONValue.string))),
                    ("ranges", .array(hit.ranges.map { .object([("offset", .int($0.lowerBound)), ("length", .int($0.count))]) })),
                ])
            })),
        ])
    }

    /// `HH:MM:SS  field       text`, with matches marked when `marked` (a terminal).
    public static func line(_ hit: SearchHit, marked: Bool) -> String {
        let time = hit.start?.formatted ?? "        "
        let field = hit.field.rawValue.padding(to: 11)
        var text = ""
        let scalars = Array(InertText.oneLine(hit.text).unicodeScalars)
        var position = 0
        for range in hit.ranges where range.lowerBound >= position && range.upperBound <= scalars.count {
            text += String(String.UnicodeScalarView(scalars[position..<range.lowerBound]))
            let matched = String(String.UnicodeScalarView(scalars[range]))
            text += marked ? "\u{1B}[7m" + matched + "\u{1B}[27m" : matched
            position = range.upperBound
        }
        text += String(String.UnicodeScalarView(scalars[position...]))
        let fuzzy = hit.fuzzy && !hit.matched.isEmpty ? "  (≈ \(hit.matched.map { InertText.clean($0) }.joined(separator: ", ")))" : ""
        return "\(time)  \(field)\(text)\(fuzzy)"
    }
}
