/// Reads Podcasting 2.0 JSON transcripts
/// (`{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`)
/// and, in the same files' family, chapters files (`{"chapters": [...]}`).
public enum PodcastJSONReader {
    public static func read(_ source: SourceText, title: String, strict: Bool = false) throws(EpisodeReadError) -> Episode {
        let root = try JSONDocument.object(source)
        if root[member: "segments"] == nil, root[member: "chapters"] != nil {
            let chapters = try ChaptersReader.chapters(from: root, strict: strict)
            return Episode(title: root[member: "title"]?.stringValue ?? title, chapters: chapters.chapters,
                           format: .podcastJSON, warnings: chapters.warnings + [ReadWarning("the file holds chapters but no transcript")])
        }
        guard let list = root[member: "segments"]?.arrayValue else {
            throw EpisodeReadError("a Podcasting 2.0 transcript needs a \"segments\" list")
        }
        var pieces: [Piece] = []
        var warnings: [ReadWarning] = []
        for (number, item) in list.enumerated() {
            guard item.isObject, let start = JSONDocument.seconds(item[member: "startTime"]) else {
                let message = "segment \(number + 1) has no \"startTime\" number"
                if strict { throw EpisodeReadError(message) }
                warnings.append(ReadWarning(message))
                continue
            }
            let end = JSONDocument.seconds(item[member: "endTime"])
            pieces.append(Piece(start: start, end: end, speaker: item[member: "speaker"]?.stringValue?.trimmingWhitespace().nonEmpty,
                                body: item[member: "body"]?.stringValue ?? ""))
        }
        let segments = WordJoiner.isWordLevel(pieces) ? WordJoiner.lines(from: pieces) : pieces.enumerated().map { index, piece in
            Segment(index: index, start: piece.start, end: piece.end, speaker: piece.speaker, text: piece.body.collapsingWhitespace())
        }
        if warnings.count > 0 {
            warnings.append(ReadWarning("\(warnings.count) broken segment\(warnings.count == 1 ? " was" : "s were") skipped"))
        }
        return Episode(title: title, segments: segments, format: .podcastJSON, warnings: warnings).resolvingEnds()
    }

    /// One entry of the `segments` list.
    struct Piece {
        var start: TimeCode
        var end: TimeCode?
        var speaker: String?
        var body: String
    }
}

/// JSON parsing shared by the transcript and chapters readers.
enum JSONDocument {
    static func object(_ source: SourceText) throws(EpisodeReadError) -> JSONValue {
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(source.text)
        } catch {
            throw EpisodeReadError(line: error.line, "not valid JSON: \(error.message) (column \(error.column))")
        }
        guard parsed.isObject else {
            throw EpisodeReadError("expected a JSON object at the top level")
        }
        return parsed
    }

    /// A time in seconds given as a number or a numeric string.
    static func seconds(_ value: JSONValue?) -> TimeCode? {
        let number: Double?
        switch value {
        case .double(let value): number = value
        case .int(let value): number = Double(value)
        case .string(let value): number = Double(value.trimmingWhitespace())
        default: number = nil
        }
        guard let number, number.isFinite, number >= 0, number < 36_000_000 else { return nil }
        return TimeCode(seconds: number)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
