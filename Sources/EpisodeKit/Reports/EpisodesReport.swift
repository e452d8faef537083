/// What `podread episodes` prints for a feed.
public enum EpisodesReport {
    public static func json(_ feed: Feed) -> JSONValue {
        .object([
            ("podcast", .string(feed.podcast)),
            ("episodes", .array(feed.items.enumerated().map { number, item in
                .object([
                    ("number", .int(number + 1)),
                    ("date", .optional(item.date?.description)),
                    ("title", .string(item.title)),
                    ("duration", item.duration.map(JSONValue.seconds) ?? .null),
                    ("transcript", .bool(!item.transcripts.isEmpty)),
                    ("audio", .optional(item.audio?.url)),
                ])
            })),
        ])
    }

    /// `  1  2026-01-28  01:02:03  T  Title` — T marks a linked transcript.
    public static func text(_ feed: Feed) -> String {
        var lines = [InertText.clean(feed.podcast)]
        let width = String(feed.items.count).count
        for (number, item) in feed.items.enumerated() {
            let numberText = String(number + 1)
            let padded = String(repeating: " ", count: width - numberText.count) + numberText
            let date = item.date?.description ?? "          "
            let duration = item.duration?.formatted ?? "unknown "
            let mark = item.transcripts.isEmpty ? " " : "T"
            lines.append("\(padded)  \(date)  \(duration)  \(mark)  " + InertText.clean(item.title))
        }
        return lines.joined(separator: "\n")
    }
}
