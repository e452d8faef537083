/// Reads WebVTT captions as a transcript.
///
/// Follows the spec where real files do and bends where they do not: short
/// times (`S.mmm`, `M:SS.mmm`), a timing line straight after a cue's text
/// with no blank line, and broken cues that are skipped with a warning.
public enum WebVTTReader {
    public static func read(_ source: SourceText, title: String, strict: Bool = false) throws(EpisodeReadError) -> Episode {
        let lines = source.lines
        guard let firstLine = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }),
              lines[firstLine].trimmingWhitespace().hasPrefix("WEBVTT") else {
            throw EpisodeReadError(line: 1, "a WebVTT file starts with the line \"WEBVTT\"")
        }
        var cues = CueCollector(strict: strict)
        var state = State.header
        for index in lines.index(after: firstLine)..<lines.endIndex {
            let line = lines[index]
            let lineNumber = index + 1
            let blank = line.isBlank
            switch state {
            case .header:
                if blank { state = .between }
            case .skippingBlock:
                if blank { state = .between }
            case .between:
                if blank { continue }
                if isBlock(line, named: "NOTE") || isBlock(line, named: "STYLE") || isBlock(line, named: "REGION") {
                    state = .skippingBlock
                } else if CueTiming.isTimingLine(line) {
                    state = try cues.start(timing: line, lineNumber: lineNumber)
                } else {
                    state = .afterIdentifier
                }
            case .afterIdentifier:
                if blank {
                    state = .between
                } else if CueTiming.isTimingLine(line) {
                    state = try cues.start(timing: line, lineNumber: lineNumber)
                } else {
                    try cues.problem(line: lineNumber - 1, "a cue identifier must be followed by a timing line")
                    state = .skippingBlock
                }
            case .inCue:
                if blank && (line.isEmpty || endsCue(after: index, in: lines)) {
                    cues.finish()
                    state = .between
                } else if CueTiming.isTimingLine(line) {
                    cues.finish()
                    state = try cues.start(timing: line, lineNumber: lineNumber)
                } else {
                    cues.payload.append(String(line))
                }
            }
        }
        cues.finish()
        var segments: [Segment] = []
        var warnings = cues.warnings
        if let rolled = RollingCaptions.lines(of: cues.cues) {
            segments = rolled
            warnings.append(ReadWarning("rolling captions (each cue repeating the line before it) de-duplicated: \(cues.cues.count) cues became \(rolled.count) lines"))
        } else {
            for cue in cues.cues {
                let payload = cue.payload.count == 1 ? cue.payload[0] : cue.payload.joined(separator: "\n")
                for voice in VoiceSpans.split(payload) {
                    segments.append(Segment(index: segments.count, start: cue.timing.start, end: cue.timing.end,
                                            speaker: voice.speaker, text: voice.text))
                }
            }
        }
        if cues.skipped > 0 {
            warnings.append(ReadWarning("\(cues.skipped) broken cue\(cues.skipped == 1 ? " was" : "s were") skipped"))
        }
        return Episode(title: title, segments: segments, format: .webVTT, warnings: warnings).resolvingEnds()
    }

    enum State { case header, between, afterIdentifier, inCue, skippingBlock }

    /// A line of spaces inside a cue is, by the spec, part of its text
    /// (captions downloaded from video sites open cues with one); it ends
    /// the cue only when what follows is a blank line, the end, or the next
    /// cue (a timing line, or an identifier and a timing line).
    private static func endsCue(after index: Int, in lines: [Substring]) -> Bool {
        let next = index + 1
        guard next < lines.count else { return true }
        if lines[next].isBlank || CueTiming.isTimingLine(lines[next]) { return true }
        return next + 1 < lines.count && CueTiming.isTimingLine(lines[next + 1])
    }

    private static func isBlock<S: StringProtocol>(_ line: S, named name: String) -> Bool {
        guard line.hasPrefix(name) else { return false }
        let rest = line.dropFirst(name.count)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }
}

/// Cues gathered by the WebVTT and SRT readers, with the problems met.
struct CueCollector {
    struct Cue {
        var timing: CueTiming
        var payload: [String]
    }

    let strict: Bool
    var cues: [Cue] = []
    var payload: [String] = []
    var timing: CueTiming?
    var warnings: [ReadWarning] = []
    var skipped = 0

    init(strict: Bool) { self.strict = strict }

    /// Starts a cue at a timing line, or skips the cue when the timing is broken.
    mutating func start<S: StringProtocol>(timing line: S, lineNumber: Int) throws(EpisodeReadError) -> WebVTTReader.State {
        if let parsed = CueTiming.parse(line) {
            timing = parsed
            payload = []
            return .inCue
        }
        try problem(line: lineNumber, "cue timing \"\(line.trimmingWhitespace())\" is not a time")
        skipped += 1
        return .skippingBlock
    }

    mutating func finish() {
        guard let timing else { return }
        cues.append(Cue(timing: timing, payload: payload))
        self.timing = nil
        payload = []
    }

    mutating func problem(line: Int, _ message: String) throws(EpisodeReadError) {
        if strict { throw EpisodeReadError(line: line, message) }
        warnings.append(ReadWarning(line: line, message))
    }
}
