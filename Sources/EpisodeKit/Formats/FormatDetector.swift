/// Decides which reader a source needs by looking at its content, not its
/// file name: a `.txt` holding WebVTT is WebVTT.
public enum FormatDetector {
    public static func detect(_ source: SourceText) -> EpisodeFormat {
        let firstLine = source.text.prefix(4096)
            .split(separator: "\n").first { !$0.trimmingWhitespace().isEmpty }
        if let firstLine, TimestampedLine.parse(firstLine) != nil {
            return .text
        }
        return .pageText
    }
}

/// Reads any source podread understands into an `Episode`.
public enum EpisodeReader {
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - fallbackTitle: the title for formats that carry none (usually the file name).
    public static func read(bytes: [UInt8], fallbackTitle: String) throws(EpisodeReadError) -> Episode {
        guard !bytes.isEmpty else { throw EpisodeReadError("the file is empty") }
        if looksBinary(bytes) { throw EpisodeReadError("this is a binary file, not an episode") }
        let source = SourceText(bytes: bytes)
        guard source.text.contains(where: { !$0.isWhitespace }) else {
            throw EpisodeReadError("the file holds only white space")
        }
        switch FormatDetector.detect(source) {
        case .text: return try PlainTextReader.read(source, title: fallbackTitle)
        default: return try PageTextReader.read(source)
        }
    }

    /// NUL bytes in the first kilobytes mean a binary file, unless the text
    /// is UTF-16 (which has them between ASCII letters) behind its BOM.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        return bytes.prefix(8192).contains(0)
    }
}
