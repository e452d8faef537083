/// Reads a bare transcript: timestamped lines and nothing else. The title
/// comes from the caller (usually the file name).
public enum PlainTextReader {
    public static func read(_ source: SourceText, title: String) throws(EpisodeReadError) -> Episode {
        var transcript = TranscriptCollector()
        for (offset, line) in source.lines.enumerated() {
            transcript.add(String(line), lineNumber: offset + 1)
        }
        guard !transcript.segments.isEmpty else {
            throw EpisodeReadError("no timestamped transcript lines found")
        }
        return Episode(title: title, segments: transcript.segments, format: .text,
                       warnings: transcript.warnings).resolvingEnds()
    }
}
