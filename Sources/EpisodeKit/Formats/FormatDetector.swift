/// Decides which reader a source needs by looking at its content, not its
/// file name: a `.txt` holding WebVTT is WebVTT.
public enum FormatDetector {
    public static func detect(_ source: SourceText) -> EpisodeFormat {
        let head = source.text.prefix(65_536)
        let start = head.drop(while: \.isWhitespace)
        if start.hasPrefix("WEBVTT") { return .webVTT }
        if start.hasPrefix("{") { return .podcastJSON }
        if start.hasPrefix("<") {
            let lowered = head.prefix(8192).lowercased()
            if lowered.contains("<rss") || lowered.contains("<channel") { return .rss }
            return .html
        }
        let lines = head.split(separator: "\n", omittingEmptySubsequences: true).prefix(400)
        if lines.prefix(60).contains(where: { CueTiming.parse($0) != nil }) { return .srt }
        return looksLikePage(lines) ? .pageText : .text
    }

    /// A page has a title line, then headings or labels before its first
    /// timestamped line; a bare transcript starts with its timestamps.
    private static func looksLikePage(_ lines: ArraySlice<Substring>) -> Bool {
        let nonEmpty = lines.filter { !$0.allSatisfy(\.isWhitespace) }
        guard let first = nonEmpty.first, TimestampedLine.parse(first) == nil else { return false }
        for line in nonEmpty.dropFirst() {
            if TimestampedLine.parse(line) != nil { return false }
            if PageTextVocabulary.isTranscriptHeading(line) || PageTextVocabulary.isShownotesHeading(line)
                || PageTextVocabulary.labelled(line, from: PageTextVocabulary.roleLabels.keys) != nil
                || PageTextVocabulary.labelled(line, from: PageTextVocabulary.readingLabels) != nil {
                return true
            }
        }
        return false
    }
}

/// How a reader should treat problems.
public struct ReadOptions: Sendable {
    /// Any problem (a broken cue, a skipped segment) is an error instead of a warning.
    public var strict: Bool
    public init(strict: Bool = false) { self.strict = strict }
}

/// Reads any source podread understands into an `Episode`.
public enum EpisodeReader {
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - fallbackTitle: the title for formats that carry none (usually the file name).
    public static func read(bytes: [UInt8], fallbackTitle: String, options: ReadOptions = ReadOptions()) throws(EpisodeReadError) -> Episode {
        let source = try decode(bytes)
        let format = FormatDetector.detect(source)
        if format == .rss {
            let feed = try FeedReader.read(source)
            guard let item = feed.items.first else { throw EpisodeReadError("the feed has no episodes") }
            return feed.episode(item)
        }
        return try read(source, as: format, fallbackTitle: fallbackTitle, options: options)
    }

    /// Reads a source whose format is already known (not a feed).
    public static func read(_ source: SourceText, as format: EpisodeFormat, fallbackTitle: String,
                            options: ReadOptions = ReadOptions()) throws(EpisodeReadError) -> Episode {
        let episode: Episode
        switch format {
        case .webVTT: episode = try WebVTTReader.read(source, title: fallbackTitle, strict: options.strict)
        case .srt: episode = try SRTReader.read(source, title: fallbackTitle, strict: options.strict)
        case .podcastJSON: episode = try PodcastJSONReader.read(source, title: fallbackTitle, strict: options.strict)
        case .html: episode = try HTMLTranscriptReader.read(source, title: fallbackTitle)
        case .text: episode = try PlainTextReader.read(source, title: fallbackTitle)
        case .pageText: episode = try PageTextReader.read(source)
        case .rss: throw EpisodeReadError("a feed is read with FeedReader")
        }
        if options.strict, let warning = episode.warnings.first(where: { $0.line != nil }) {
            throw EpisodeReadError(line: warning.line, warning.message)
        }
        return episode
    }

    /// Checks the bytes are text and decodes them.
    public static func decode(_ bytes: [UInt8]) throws(EpisodeReadError) -> SourceText {
        guard !bytes.isEmpty else { throw EpisodeReadError("the file is empty") }
        if looksBinary(bytes) { throw EpisodeReadError("this is a binary file, not an episode") }
        let source = SourceText(bytes: bytes)
        guard source.text.contains(where: { !$0.isWhitespace }) else {
            throw EpisodeReadError("the file holds only white space")
        }
        return source
    }

    /// NUL bytes in the first kilobytes mean a binary file, unless the text
    /// is UTF-16 (which has them between ASCII letters) behind its BOM.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        return bytes.prefix(8192).contains(0)
    }
}
