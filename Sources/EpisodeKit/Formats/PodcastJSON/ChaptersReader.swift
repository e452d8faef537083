/// Reads Podcasting 2.0 chapters
/// (`{"version", "chapters": [{"startTime", "title", "url", "img", "toc", "endTime"}]}`).
public enum ChaptersReader {
    public static func read(_ source: SourceText, strict: Bool = false) throws(EpisodeReadError) -> [Chapter] {
        try chapters(from: JSONDocument.object(source), strict: strict).chapters
    }

    static func chapters(from root: [String: Any], strict: Bool) throws(EpisodeReadError) -> (chapters: [Chapter], warnings: [ReadWarning]) {
        guard let list = root["chapters"] as? [Any] else {
            throw EpisodeReadError("a chapters file needs a \"chapters\" list")
        }
        var chapters: [Chapter] = []
        var warnings: [ReadWarning] = []
        for (number, item) in list.enumerated() {
            guard let object = item as? [String: Any], let start = JSONDocument.seconds(object["startTime"]) else {
                let message = "chapter \(number + 1) has no \"startTime\" number"
                if strict { throw EpisodeReadError(message) }
                warnings.append(ReadWarning(message))
                continue
            }
            chapters.append(Chapter(
                start: start,
                end: JSONDocument.seconds(object["endTime"]),
                title: (object["title"] as? String)?.collapsingWhitespace() ?? "Chapter \(number + 1)",
                url: object["url"] as? String,
                image: object["img"] as? String,
                inTableOfContents: (object["toc"] as? Bool) ?? true
            ))
        }
        return (chapters.sorted { $0.start < $1.start }, warnings)
    }
}
