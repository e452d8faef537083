/// What `podread reading` prints.
public enum ReadingReport {
    public static func json(_ items: [ReadingItem]) -> JSONValue {
        .object([("items", .array(items.map { item in
            .object([
                ("authors", .array(item.authors.map(JSONValue.string))),
                ("title", .string(item.title)),
                ("series", .optional(item.series)),
                ("date", .optional(item.date?.description)),
                ("url", .optional(item.url)),
                ("text", .string(item.text)),
                ("time", item.time.map(JSONValue.seconds) ?? .null),
                ("source", .string(item.source.rawValue)),
            ])
        }))])
    }

    /// One block per item: authors, title, then series · date · link.
    public static func text(_ items: [ReadingItem]) -> String {
        items.enumerated().map { number, item in
            var lines = ["\(number + 1). " + (item.authors.isEmpty ? item.title : item.authors.joined(separator: ", "))]
            if !item.authors.isEmpty { lines.append("   " + item.title) }
            let details = [item.time.map { "at " + $0.formatted }, item.series, item.date?.description, item.url].compactMap { $0 }
            if !details.isEmpty { lines.append("   " + details.joined(separator: " · ")) }
            return lines.map { InertText.clean($0) }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
