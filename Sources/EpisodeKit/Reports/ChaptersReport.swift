/// What `podread chapters` prints.
public enum ChaptersReport {
    public static func line(_ chapter: Chapter) -> String {
        let mark = chapter.inTableOfContents ? "" : "  (not in contents)"
        return InertText.clean("\(chapter.start.formatted)  \(chapter.title)") + mark
    }

    public static func json(_ chapters: [Chapter]) -> JSONValue {
        .object([("chapters", .array(chapters.map { chapter in
            .object([
                ("start", .seconds(chapter.start)),
                ("end", chapter.end.map(JSONValue.seconds) ?? .null),
                ("title", .string(chapter.title)),
                ("url", .optional(chapter.url)),
                ("img", .optional(chapter.image)),
                ("toc", .bool(chapter.inTableOfContents)),
            ])
        }))])
    }
}
