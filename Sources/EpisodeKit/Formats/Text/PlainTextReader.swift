/// Reads a plain-text transcript.
///
/// Timestamps as the page-text format writes them, plus: the speaker before
/// the timestamp (`Ann Lee 00:01:02 text`, `Ann Lee (00:01:02): text`), a
/// speaker on a line of its own above a timestamp line, `**Speaker**` in
/// markdown bold, `<v Speaker>` voice tags, and fractions of a second.
///
/// A transcript with no timestamps at all opens when its paragraphs carry
/// speaker labels or it starts with a transcript heading: its segments have
/// no times. Loose prose with neither is not taken for an episode.
public enum PlainTextReader {
    public static func read(_ source: SourceText, title: String) throws(EpisodeReadError) -> Episode {
        let lines = source.lines.map { PlainTextLine.clean(String($0)) }
        var transcript = TranscriptCollector()
        var pendingSpeaker: String?
        for (offset, line) in lines.enumerated() {
            if let timed = PlainTextLine.timed(line) {
                var timed = timed
                if timed.speaker == nil { timed.speaker = pendingSpeaker }
                pendingSpeaker = nil
                transcript.add(timed, lineNumber: offset + 1)
            } else if let name = PlainTextLine.speakerOnItsOwn(line), nextTimedLine(after: offset, in: lines) {
                pendingSpeaker = name
            } else {
                transcript.add(line, lineNumber: offset + 1)
            }
        }
        if !transcript.segments.isEmpty {
            return Episode(title: title, segments: transcript.segments, format: .text,
                           warnings: transcript.warnings).resolvingEnds()
        }
        return try untimed(lines, title: title)
    }

    private static func nextTimedLine(after offset: Int, in lines: [String]) -> Bool {
        guard let next = lines[(offset + 1)...].first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return false }
        return PlainTextLine.timed(next) != nil
    }

    /// Paragraphs become segments without times.
    private static func untimed(_ lines: [String], title: String) throws(EpisodeReadError) -> Episode {
        var paragraphs: [String] = []
        var current: [String] = []
        var startsWithHeading = false
        for line in lines {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else if paragraphs.isEmpty && current.isEmpty && PageTextVocabulary.isTranscriptHeading(trimmed) {
                startsWithHeading = true
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        let labelled = paragraphs.map { SpeakerLabel.split($0) }
        guard !paragraphs.isEmpty, startsWithHeading || labelled.contains(where: { $0.speaker != nil }) else {
            // Say what was there: times in a form not read are not "no timestamps".
            if let number = lines.firstIndex(where: { PlainTextLine.clockStart(in: Substring($0)) != nil }) {
                let line = lines[number].trimmingWhitespace()
                throw EpisodeReadError(line: number + 1, "\"\(line.count > 60 ? String(line.prefix(60)) + "…" : line)\" has a time, but no line is in a form podread reads as a transcript (a time at the start of the line, or after a speaker's name)")
            }
            throw EpisodeReadError("nothing here looks like an episode: no timestamps, speaker labels, shownotes or transcript heading")
        }
        let segments = labelled.enumerated().map { index, paragraph in
            Segment(index: index, start: .zero, end: .zero, speaker: paragraph.speaker, text: paragraph.text)
        }
        return Episode(title: title, segments: segments, format: .text, hasTimes: false,
                       warnings: [ReadWarning("the transcript has no timestamps")])
    }
}

/// The line-level forms of plain-text transcripts.
enum PlainTextLine {
    // Built once: a regex literal in a function is compiled on every call.
    private static let voiceTag = SharedRegex(/<v(?:\.[^ >]*)?\s+([^>]+)>/)
    private static let boldName = SharedRegex(/\*\*([^*]{1,100}?):?\*\*:?/)

    /// `<v Name>` becomes `Name: `; `**Name**` or `**Name:**` becomes `Name: `.
    static func clean(_ line: String) -> String {
        // Regexes are slow; most lines have neither form, which a byte scan tells.
        let bytes = line.utf8
        let hasVoice = bytes.contains(60) && line.containsBytes("<v")
        let hasBold = bytes.contains(42) && line.containsBytes("**")
        guard hasVoice || hasBold else { return line }
        var text = line
        let current = text
        if let match = voiceTag.use({ regex in current.firstMatch(of: regex).map { ($0.range, String($0.output.1)) } }) {
            text = text[..<match.0.lowerBound] + match.1.trimmingWhitespace() + ": " + text[match.0.upperBound...]
            text = text.replacing("</v>", with: "")
        }
        let voiced = text
        if let match = boldName.use({ regex in voiced.firstMatch(of: regex).map { ($0.range, String($0.output.1)) } }) {
            let name = match.1.trimmingWhitespace()
            if SpeakerLabel.isName(name) {
                // `0:45:28.5**Dana Wu** Yeah.`: the time and the name are apart once the name is plain.
                let before = text[..<match.0.lowerBound]
                let gap = before.last.map { $0.isWhitespace ? "" : " " } ?? ""
                text = before + gap + name + ":" + text[match.0.upperBound...]
            }
        }
        return text
    }

    /// A line with a timestamp at its start, or after a speaker's name.
    static func timed(_ line: String) -> TimestampedLine? {
        if let timed = TimestampedLine.parse(line) { return timed }
        // `Ann Lee 00:01:02 text`, `Ann Lee (00:01:02): text`, `Ann Lee: [00:01:02] text`
        guard let timeStart = clockStart(in: line.prefix(64)) else { return nil }
        var name = line[..<timeStart].trimmingWhitespace()
        while let last = name.last, ":-–|".contains(last) { name.removeLast() }
        name = name.trimmingWhitespace()
        // `[Speaker 1] [00:17] text`: a label in brackets of its own.
        if (name.first == "[" && name.last == "]") || (name.first == "(" && name.last == ")") {
            name = String(name.dropFirst().dropLast()).trimmingWhitespace()
        }
        guard SpeakerLabel.isName(name), var timed = TimestampedLine.parse(line[timeStart...]) else { return nil }
        if timed.speaker == nil { timed.speaker = name }
        return timed
    }

    /// Where the first `H:MM`-like time starts (with its `[` or `(`), found
    /// on bytes: this runs on every line that does not start with a time.
    static func clockStart(in text: Substring) -> String.Index? {
        let bytes = Array(text.utf8)
        func isDigit(_ offset: Int) -> Bool { offset < bytes.count && bytes[offset] >= 48 && bytes[offset] <= 57 }
        func isColon(_ offset: Int) -> Bool { offset < bytes.count && bytes[offset] == 58 }
        func clockAt(_ offset: Int) -> Bool {
            guard isDigit(offset) else { return false }
            if isColon(offset + 1) { return isDigit(offset + 2) && isDigit(offset + 3) }
            return isDigit(offset + 1) && isColon(offset + 2) && isDigit(offset + 3) && isDigit(offset + 4)
        }
        for offset in bytes.indices {
            let opens = bytes[offset] == UInt8(ascii: "[") || bytes[offset] == UInt8(ascii: "(")
            if (opens && clockAt(offset + 1)) || clockAt(offset) {
                return text.utf8.index(text.startIndex, offsetBy: offset)
            }
        }
        return nil
    }

    /// A line that is only a speaker's name (`Ann Lee`, `Ann Lee:`).
    static func speakerOnItsOwn(_ line: String) -> String? {
        var name = line.trimmingWhitespace()
        if name.last == ":" { name.removeLast() }
        guard !name.isEmpty, name.last != ".", SpeakerLabel.isName(name) else { return nil }
        return name
    }
}
