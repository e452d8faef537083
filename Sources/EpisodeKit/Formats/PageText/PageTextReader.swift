/// Reads the saved text of an episode page: a title line, `Shownotes` and a
/// description, `Guest:`/`Host:` lines, `Recommended Reading:`, a transcript
/// heading (`Transkript anzeigen`, `Show transcript`, `Transcript`) and
/// timestamped lines, then the page's comment form, which is left out.
public enum PageTextReader {
    public static func read(_ source: SourceText) throws(EpisodeReadError) -> Episode {
        let lines = source.lines.map(String.init)
        var header = HeaderCollector()
        var transcript = TranscriptCollector()
        var inTranscript = false

        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            if PageTextVocabulary.isChrome(line) { break }
            if inTranscript {
                transcript.add(line, lineNumber: lineNumber)
            } else if PageTextVocabulary.isTranscriptHeading(line) {
                inTranscript = true
                transcript.sawHeading = true
            } else if let timed = TimestampedLine.parse(line) {
                // A page without a transcript heading: the first timestamp starts it.
                inTranscript = true
                transcript.add(timed, lineNumber: lineNumber)
            } else {
                header.add(line)
            }
        }

        guard let title = header.title, header.hasEpisodeParts || !transcript.segments.isEmpty || transcript.sawHeading else {
            throw EpisodeReadError("nothing here looks like an episode: no shownotes, people, reading list or timestamped transcript lines")
        }
        var warnings = transcript.warnings
        if transcript.segments.isEmpty {
            warnings.append(ReadWarning("the page has no transcript"))
        }
        return Episode(
            title: title,
            shownotes: header.description.joined(separator: "\n\n"),
            people: header.people,
            reading: ReadingList.items(from: header.readingLines),
            segments: transcript.segments,
            format: .pageText,
            warnings: warnings
        ).resolvingEnds()
    }
}

/// Gathers everything above the transcript.
private struct HeaderCollector {
    var title: String?
    var description: [String] = []
    var people: [Person] = []
    var readingLines: [String] = []
    private var section = Section.description

    private enum Section { case description, reading }

    /// Whether any heading or label of an episode page was seen; a title
    /// and loose prose alone are not an episode.
    private(set) var hasEpisodeParts = false

    mutating func add(_ rawLine: String) {
        let line = rawLine.trimmingWhitespace()
        guard !line.isEmpty else { return }
        if PageTextVocabulary.isShownotesHeading(line) {
            section = .description
            hasEpisodeParts = true
            return
        }
        if let (label, rest) = PageTextVocabulary.labelled(line, from: PageTextVocabulary.roleLabels.keys) {
            people += PeopleLine.people(from: rest, role: PageTextVocabulary.roleLabels[label]!)
            section = .description
            hasEpisodeParts = true
            return
        }
        if let (_, rest) = PageTextVocabulary.labelled(line, from: PageTextVocabulary.readingLabels) {
            section = .reading
            hasEpisodeParts = true
            if !rest.isEmpty { readingLines.append(rest) }
            return
        }
        if title == nil {
            title = line
            return
        }
        switch section {
        case .description: description.append(line)
        case .reading: readingLines.append(line)
        }
    }
}

/// Gathers timestamped lines into segments; lines without a time continue
/// the segment before them.
struct TranscriptCollector {
    var segments: [Segment] = []
    var warnings: [ReadWarning] = []
    var sawHeading = false

    mutating func add(_ rawLine: String, lineNumber: Int) {
        if let timed = TimestampedLine.parse(rawLine) {
            add(timed, lineNumber: lineNumber)
            return
        }
        let line = rawLine.trimmingWhitespace()
        guard !line.isEmpty else { return }
        guard !segments.isEmpty else {
            warnings.append(ReadWarning(line: lineNumber, "text before the first timestamp was left out"))
            return
        }
        let last = segments.count - 1
        // Appended in place: a long run of continuation lines must not copy
        // the growing text once per line.
        if !segments[last].text.isEmpty { segments[last].text.append(" ") }
        segments[last].text.append(line)
    }

    mutating func add(_ timed: TimestampedLine, lineNumber: Int) {
        segments.append(Segment(index: segments.count, start: timed.start, speaker: timed.speaker,
                                text: timed.text.trimmingWhitespace()))
    }
}
