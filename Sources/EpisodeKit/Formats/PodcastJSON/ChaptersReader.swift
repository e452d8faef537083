/// Reads Podcasting 2.0 chapters
/// (`{"version", "chapters": [{"startTime", "title", "url", "img", "toc", "endTime"}]}`).
public enum ChaptersReader {
    public static func read(_ source: SourceText, strict: Bool = false) throws(EpisodeReadError) -> [Chapter] {
        try chapters(from: JSONDocument.object(source), strict: strict).chapters
    }

    static func chapters(from root: JSONValue, strict: Bool) throws(EpisodeReadError) -> (chapters: [Chapter], warnings: [ReadWarning]) {
        guard let list = root[member: "chapters"]?.arrayValue else {
            throw EpisodeReadError("a chapters file needs a \"chapters\" list")
        }
        var chapters: [Chapter] = []
        var warnings: [ReadWarning] = []
        for (number, item) in list.enumerated() {
            guard item.isObject, let start = JSONDocument.seconds(item[member: "startTime"]) else {
                let message = "chapter \(number + 1) has no \"startTime\" number"
                if strict { throw EpisodeReadError(message) }
                warnings.append(ReadWarning(message))
                continue
            }
            chapters.append(Chapter(
                start: start,
                end: JSONDocument.seconds(item[member: "endTime"]),
                title: item[member: "title"]?.stringValue?.collapsingWhitespace() ?? "Chapter \(number + 1)",
                url: item[member: "url"]?.stringValue,
                image: item[member: "img"]?.stringValue,
                inTableOfContents: item[member: "toc"]?.boolValue ?? true
            ))
        }
        return (chapters.sorted { $0.start < $1.start }, warnings)
    }
}
