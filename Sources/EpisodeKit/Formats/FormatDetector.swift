/// Decides which reader a source needs by looking at its content, not its
/// file name: a `.txt` holding WebVTT is WebVTT.
public enum FormatDetector {
    public static func detect(_ source: SourceText) -> EpisodeFormat {
        // The head is measured in bytes: counting 64 K characters would break
        // the whole head into grapheme clusters, for every file a library reads.
        let head = prefix(of: source.text[...], bytes: 65_536)
        let start = head.drop(while: \.isWhitespace)
        if start.hasPrefix("WEBVTT") { return .webVTT }
        if start.hasPrefix("{") { return .podcastJSON }
        if start.hasPrefix("<") {
            let lowered = prefix(of: head, bytes: 8192).lowercased()
            if lowered.contains("<rss") || lowered.contains("<channel") { return .rss }
            return .html
        }
        let lines = firstLines(of: head, limit: 400)
        if lines.prefix(60).contains(where: { CueTiming.parse($0) != nil }) { return .srt }
        return looksLikePage(lines[...]) ? .pageText : .text
    }

    /// At most `bytes` UTF-8 bytes of the text, cut between scalars.
    private static func prefix(of text: Substring, bytes: Int) -> Substring {
        let utf8 = text.utf8
        guard var end = utf8.index(utf8.startIndex, offsetBy: bytes, limitedBy: utf8.endIndex), end < utf8.endIndex else { return text }
        while end > utf8.startIndex && utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return text[..<end]
    }

    /// The first non-empty lines (the text's line ends are `\n`), split on bytes.
    private static func firstLines(of text: Substring, limit: Int) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex && lines.count < limit {
            if utf8[index] == 10 {
                if lineStart < index { lines.append(text[lineStart..<index]) }
                lineStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if lines.count < limit && lineStart < utf8.endIndex { lines.append(text[lineStart...]) }
        return lines
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
        if let packed = readPacked(bytes: bytes, fallbackTitle: fallbackTitle) { return packed }
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

    /// A WebVTT file the packed reader can take (nearly all of them), read
    /// straight from its bytes; nil for any other file, which is then
    /// decoded and read as usual (see `PackedWebVTTReader`).
    public static func readPacked(bytes: [UInt8], fallbackTitle: String) -> Episode? {
        PackedWebVTTReader.read(bytes, title: fallbackTitle)
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
