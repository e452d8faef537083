/// Reads SubRip (`.srt`) subtitles as a transcript.
///
/// Cues may be numbered or not, in any order of numbers; `,` or `.` before
/// the milliseconds; coordinates after the times; empty cues (kept, so cue
/// counts match the file); `Name:` at the start of a cue names the speaker,
/// and cues without a label continue the last speaker.
public enum SRTReader {
    public static func read(_ source: SourceText, title: String, strict: Bool = false) throws(EpisodeReadError) -> Episode {
        let lines = source.lines
        var cues = CueCollector(strict: strict)
        var inCue = false
        var skipping = false
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            let blank = line.isBlank
            if CueTiming.isTimingLine(line) {
                // A timing line always starts a cue, even without a blank line
                // before it; a number just above it was this cue's index.
                if inCue, let last = cues.payload.last, isCueNumber(last) { cues.payload.removeLast() }
                cues.finish()
                let state = try cues.start(timing: line, lineNumber: lineNumber)
                inCue = state == .inCue
                skipping = !inCue
                continue
            }
            if blank {
                cues.finish()
                inCue = false
                skipping = false
                continue
            }
            if inCue {
                cues.payload.append(String(line))
            } else if !skipping && !isCueNumber(line) {
                try cues.problem(line: lineNumber, "expected a cue number or a timing line \"00:00:01,000 --> 00:00:04,000\"")
                skipping = true
            }
        }
        cues.finish()
        guard !cues.cues.isEmpty else {
            throw EpisodeReadError("no subtitle cues found")
        }
        var segments: [Segment] = []
        var speaker: String?
        for cue in cues.cues {
            let text = cue.payload.joined(separator: "\n").removingBraceTags().removingTags().collapsingWhitespace()
            let label = SpeakerLabel.split(text)
            if let name = label.speaker { speaker = name }
            segments.append(Segment(index: segments.count, start: cue.timing.start, end: cue.timing.end,
                                    speaker: speaker, text: label.text))
        }
        var warnings = cues.warnings
        if cues.skipped > 0 {
            warnings.append(ReadWarning("\(cues.skipped) broken cue\(cues.skipped == 1 ? " was" : "s were") skipped"))
        }
        return Episode(title: title, segments: segments, format: .srt, warnings: warnings).resolvingEnds()
    }

    private static func isCueNumber<S: StringProtocol>(_ line: S) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return !trimmed.isEmpty && trimmed.count <= 9 && trimmed.allSatisfy(\.isASCIIDigit)
    }
}

/// Built once: a regex literal in a function is compiled on every call.
private enum SRTPatterns {
    static let formattingTag = SharedRegex(/(?i)<\/?(?:i|b|u|s|font)(?:\s[^<>]*)?>/)
    static let braceTag = SharedRegex(/\{\\[^}]*\}/)
}

private extension String {
    /// The formatting tags SRT players know (`<i>`, `<b>`, `<u>`, `<s>`,
    /// `<font …>`) and their ends; any other `<…>` is text. SRT has no
    /// character references, so `&amp;` stays as written.
    func removingTags() -> String {
        guard containsByte(UInt8(ascii: "<")) else { return self }
        return SRTPatterns.formattingTag.use { replacing($0, with: "") }
    }

    /// `{\an8}`-style positioning codes some SRT files carry.
    func removingBraceTags() -> String {
        guard containsByte(UInt8(ascii: "{")), contains("{\\") else { return self }
        return SRTPatterns.braceTag.use { replacing($0, with: "") }
    }
}
