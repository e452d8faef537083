/// What `podread transcript` prints.
public enum TranscriptReport {
    /// The segments that overlap `from...to`: those starting at or before
    /// `to` and ending after `from`. A segment with no length (the last one,
    /// whose end is its start) counts as covering its own start.
    public static func segments(of episode: Episode, from: TimeCode?, to: TimeCode?) -> [Segment] {
        episode.segments.filter { segment in
            if let to, segment.start > to { return false }
            if let from {
                let coversFrom = segment.end > from || (segment.end == segment.start && segment.start >= from)
                if !coversFrom { return false }
            }
            return true
        }
    }

    /// `HH:MM:SS  Speaker: text`, one line per segment.
    public static func line(_ segment: Segment, timed: Bool = true) -> String {
        let speaker = segment.speaker.map { "\($0): " } ?? ""
        let time = timed ? segment.start.formatted : "--:--:--"
        return InertText.clean("\(time)  \(speaker)\(segment.text)")
    }

    public static func json(_ segments: [Segment], timed: Bool = true) -> JSONValue {
        .object([("segments", .array(segments.map { segment in
            .object([
                ("index", .int(segment.index)),
                ("start", timed ? .seconds(segment.start) : .null),
                ("end", timed ? .seconds(segment.end) : .null),
                ("speaker", .optional(segment.speaker)),
                ("text", .string(segment.text)),
            ])
        }))])
    }
}
