/// Writes an episode's transcript in the standard formats podcast apps read.
public enum TranscriptExporter {
    public enum Format: String, CaseIterable, Sendable {
        case webVTT = "webvtt", srt, podcastJSON = "podcast-json", markdown, text

        /// Accepts the names and the short forms `vtt` and `json`.
        public init?(name: String) {
            switch name.lowercased() {
            case "vtt", "webvtt": self = .webVTT
            case "json", "podcast-json": self = .podcastJSON
            default: self.init(rawValue: name.lowercased())
            }
        }

        public var fileExtension: String {
            switch self {
            case .webVTT: "vtt"
            case .srt: "srt"
            case .podcastJSON: "json"
            case .markdown: "md"
            case .text: "txt"
            }
        }
    }

    public static func export(_ episode: Episode, as format: Format) -> String {
        switch format {
        case .webVTT: webVTT(episode)
        case .srt: srt(episode)
        case .podcastJSON: podcastJSON(episode)
        case .markdown: markdown(episode)
        case .text: text(episode)
        }
    }

    /// WebVTT with `<v Speaker>` voices; text is escaped so it reads back the same.
    static func webVTT(_ episode: Episode) -> String {
        var output = "WEBVTT\n"
        for segment in episode.segments {
            output += "\n\(segment.start.formattedWithMilliseconds()) --> \(segment.end.formattedWithMilliseconds())\n"
            let text = escapeForVTT(segment.text)
            if let speaker = segment.speaker {
                output += "<v \(escapeForVTT(speaker))>\(text)\n"
            } else {
                output += text + "\n"
            }
        }
        return output
    }

    /// SRT with `Name:` speakers.
    static func srt(_ episode: Episode) -> String {
        var output = ""
        for (number, segment) in episode.segments.enumerated() {
            if number > 0 { output += "\n" }
            output += "\(number + 1)\n"
            output += "\(segment.start.formattedWithMilliseconds(separator: ",")) --> \(segment.end.formattedWithMilliseconds(separator: ","))\n"
            let speaker = segment.speaker.map { "\($0): " } ?? ""
            output += speaker + segment.text + "\n"
        }
        return output
    }

    /// Podcasting 2.0 JSON, one phrase per segment.
    static func podcastJSON(_ episode: Episode) -> String {
        let segments: [JSONValue] = episode.segments.map { segment in
            var members: [(String, JSONValue)] = []
            if let speaker = segment.speaker { members.append(("speaker", .string(speaker))) }
            members += [("startTime", .seconds(segment.start)), ("endTime", .seconds(segment.end)), ("body", .string(segment.text))]
            return .object(members)
        }
        return JSONValue.object([("version", .string("1.0.0")), ("segments", .array(segments))]).serialized(pretty: true) + "\n"
    }

    static func markdown(_ episode: Episode) -> String {
        var output = "# \(episode.title)\n"
        if let podcast = episode.podcast { output += "\n*\(podcast)*\n" }
        var lastSpeaker: String?
        for segment in episode.segments {
            let time = episode.hasTimes ? "`\(segment.start.formatted)` " : ""
            var speaker = ""
            if let name = segment.speaker, name != lastSpeaker { speaker = "**\(name):** " }
            lastSpeaker = segment.speaker ?? lastSpeaker
            output += "\n\(time)\(speaker)\(segment.text)\n"
        }
        return output
    }

    static func text(_ episode: Episode) -> String {
        episode.segments.map { TranscriptReport.line($0, timed: episode.hasTimes) }.joined(separator: "\n") + "\n"
    }

    private static func escapeForVTT(_ text: String) -> String {
        Entities.escape(text)
    }
}
