/// A piece of a wrapped line and where it came from in its source text.
public struct WrappedLine: Equatable, Sendable {
    public var text: String
    /// Offset in Unicode scalars of this line's first character in the source.
    public var sourceOffset: Int
}

/// Word wrapping by display width.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` columns, breaking at
    /// spaces, and inside words only when a word alone is too wide.
    public static func wrap(_ text: String, width: Int) -> [WrappedLine] {
        guard width > 0 else { return [] }
        if text.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) { return wrapPrintableASCII(text, width: width) }
        return wrapCharacters(text, width: width)
    }

    /// Like `wrap`, but a line break in the text always starts a new line
    /// (shownotes keep their lines: list items, addresses after `<br>`).
    public static func wrapKeepingLines(_ text: String, width: Int) -> [WrappedLine] {
        guard text.contains("\n") else { return wrap(text, width: width) }
        var result: [WrappedLine] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let piece = String(line)
            for wrapped in wrap(piece, width: width) {
                result.append(WrappedLine(text: wrapped.text, sourceOffset: offset + wrapped.sourceOffset))
            }
            offset += piece.unicodeScalars.count + 1
        }
        return result
    }

    /// How many lines `wrap` makes, without making them: the reader counts
    /// the rows of every transcript line when it opens, and builds the rows
    /// themselves only for what is on screen.
    public static func lineCount(_ text: String, width: Int) -> Int {
        guard width > 0 else { return 0 }
        let counted = text.utf8.withContiguousStorageIfAvailable { countPrintableASCII($0, width: width) }
        return (counted ?? nil) ?? wrap(text, width: width).count
    }

    /// How many lines text given as bytes wraps to, when it is all printable
    /// ASCII with single spaces between words (nearly every transcript line);
    /// nil otherwise, for `lineCount(_:width:)` to answer.
    public static func lineCount(printableASCII bytes: UnsafeBufferPointer<UInt8>, width: Int) -> Int? {
        guard width > 0 else { return 0 }
        return countPrintableASCII(bytes, width: width)
    }

    /// `wrapPrintableASCII`'s line count, or nil when the text is not all
    /// printable ASCII or has runs of spaces between words (the general path's case).
    private static func countPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> Int? {
        var lines = 0
        var lineLength = -1    // columns used on the current line; -1 before its first word
        var index = 0
        var previousWordEnd = -2
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 32 && byte < 127 else { return nil }
            if byte == 32 {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count && bytes[end] != 32 {
                guard bytes[end] >= 32 && bytes[end] < 127 else { return nil }
                end += 1
            }
            let wordLength = end - index
            if lineLength >= 0 && lineLength + 1 + wordLength <= width {
                guard previousWordEnd == index - 1 else { return nil }
                lineLength += 1 + wordLength
            } else {
                if lineLength >= 0 { lines += 1 }
                // A word wider than a line is cut into full lines and a rest.
                let cut = (wordLength - 1) / width
                lines += cut
                lineLength = wordLength - cut * width
            }
            previousWordEnd = end
            index = end
        }
        return lines + 1
    }

    /// The same wrapping for printable ASCII, where a byte is a character,
    /// a scalar and a column: no grapheme breaking, no width tables. Most
    /// transcript lines take this path.
    static func wrapPrintableASCII(_ text: String, width: Int) -> [WrappedLine] {
        let bytes = Array(text.utf8)
        var lines: [WrappedLine] = []
        var lineStart = -1     // byte offset of the line's first word
        var lineEnd = 0        // end of the line's last word
        var index = 0
        func flush() {
            if lineStart >= 0 {
                lines.append(WrappedLine(text: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self), sourceOffset: lineStart))
            }
            lineStart = -1
        }
        while index < bytes.count {
            if bytes[index] == 32 {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count && bytes[end] != 32 { end += 1 }
            let wordLength = end - index
            if lineStart >= 0 && lineEnd - lineStart + 1 + wordLength <= width {
                // Words on a line are separated by one space, as written or not.
                if lineEnd == index - 1 {
                    lineEnd = end
                } else {
                    // Several spaces between words: keep the line as the general path builds it.
                    return wrapCharacters(text, width: width)
                }
            } else {
                flush()
                var start = index
                while end - start > width {
                    lines.append(WrappedLine(text: String(decoding: bytes[start..<(start + width)], as: UTF8.self), sourceOffset: start))
                    start += width
                }
                lineStart = start
                lineEnd = end
            }
            index = end
        }
        flush()
        if lines.isEmpty { lines.append(WrappedLine(text: "", sourceOffset: 0)) }
        return lines
    }

    /// Wrapping by characters and their display widths.
    static func wrapCharacters(_ text: String, width: Int) -> [WrappedLine] {
        var lines: [WrappedLine] = []
        var line = ""
        var lineWidth = 0
        var lineStart = 0
        var offset = 0          // scalar offset of the next character
        var word = ""
        var wordWidth = 0
        var wordStart = 0

        func flushLine() {
            lines.append(WrappedLine(text: line, sourceOffset: lineStart))
            line = ""
            lineWidth = 0
        }

        func placeWord() {
            guard !word.isEmpty else { return }
            let needsSpace = !line.isEmpty
            if lineWidth + (needsSpace ? 1 : 0) + wordWidth <= width {
                if needsSpace { line += " "; lineWidth += 1 }
                if line.isEmpty { lineStart = wordStart }
                line += word
                lineWidth += wordWidth
            } else {
                if !line.isEmpty { flushLine() }
                // Too wide for a line of its own: cut it by characters.
                var piece = ""
                var pieceWidth = 0
                var pieceStart = wordStart
                var position = wordStart
                for character in word {
                    let characterWidth = DisplayWidth.of(character)
                    if pieceWidth + characterWidth > width, !piece.isEmpty {
                        lines.append(WrappedLine(text: piece, sourceOffset: pieceStart))
                        piece = ""
                        pieceWidth = 0
                        pieceStart = position
                    }
                    piece.append(character)
                    pieceWidth += characterWidth
                    position += character.unicodeScalars.count
                }
                line = piece
                lineWidth = pieceWidth
                lineStart = pieceStart
            }
            word = ""
            wordWidth = 0
        }

        for character in text {
            let scalars = character.unicodeScalars.count
            if character == " " || character == "\n" || character == "\t" {
                placeWord()
                if character == "\n" { flushLine() }
            } else {
                if word.isEmpty { wordStart = offset }
                word.append(character)
                wordWidth += DisplayWidth.of(character)
            }
            offset += scalars
        }
        placeWord()
        if !line.isEmpty || lines.isEmpty { flushLine() }
        return lines
    }
}
