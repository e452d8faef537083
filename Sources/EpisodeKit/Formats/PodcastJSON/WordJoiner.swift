/// Joins word-level Podcasting 2.0 transcripts into readable lines.
///
/// A new line starts at a change of speaker, after a sentence ends, at a
/// pause of more than 1.5 s, or after 25 words. A punctuation-only body joins
/// the word before it; a white-space-only body adds nothing. Each word keeps
/// its own time, so a jump or a search hit can land on the word.
enum WordJoiner {
    static let pauseMilliseconds = 1500
    static let wordsPerLine = 25

    /// Word-level when most bodies are a single word.
    static func isWordLevel(_ pieces: [PodcastJSONReader.Piece]) -> Bool {
        let meaningful = pieces.filter { !$0.body.isBlank }
        guard meaningful.count >= 2 else { return false }
        let single = meaningful.filter { !containsSpace($0.body.trimmingWhitespace()) }
        return single.count * 2 > meaningful.count
    }

    static func lines(from pieces: [PodcastJSONReader.Piece]) -> [Segment] {
        var segments: [Segment] = []
        var words: [TimedWord] = []
        var text = ""
        var speaker: String?
        var lastEnd: TimeCode?
        var endsSentence = false

        func finishLine() {
            guard let first = words.first else { return }
            segments.append(Segment(index: segments.count, start: first.start, end: lastEnd,
                                    speaker: speaker, text: text, words: words))
            words = []
            text = ""
            endsSentence = false
        }

        for piece in pieces {
            let body = piece.body.trimmingWhitespace()
            if body.isEmpty { continue }
            if isPunctuation(body) && !words.isEmpty {
                text += body
                words[words.count - 1].text += body
                endsSentence = endsSentence || body.last.map { ".?!…".contains($0) } == true
                lastEnd = piece.end ?? lastEnd
                continue
            }
            if !words.isEmpty {
                let pause = piece.start.milliseconds - (lastEnd ?? words.last!.start).milliseconds
                if piece.speaker != speaker || endsSentence || pause > pauseMilliseconds || words.count >= wordsPerLine {
                    finishLine()
                }
            }
            if words.isEmpty { speaker = piece.speaker }
            text += text.isEmpty ? body : " " + body
            words.append(TimedWord(start: piece.start, text: body))
            lastEnd = piece.end ?? piece.start
            endsSentence = body.last.map { ".?!…".contains($0) } == true
        }
        finishLine()
        return segments
    }

    // Character properties are looked up in Unicode's tables, which for a
    // word-level transcript of a hundred thousand words dominated its
    // reading: ASCII words (nearly all) are answered on their bytes.

    /// Whether the text holds white space.
    private static func containsSpace(_ text: String) -> Bool {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            var space = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 32 || (byte >= 9 && byte <= 13) { space = true }
            }
            return space
        }) ?? nil {
            return ascii
        }
        return text.contains(where: \.isWhitespace)
    }

    /// ASCII's punctuation, as Unicode's categories P* count it (`$`, `+`,
    /// `<`, `=`, `>`, `^`, `` ` ``, `|`, `~` are symbols).
    private static let asciiPunctuation: Set<UInt8> = Set("!\"#%&'()*,-./:;?@[\\]_{}".utf8)

    /// Whether every character is punctuation.
    static func isPunctuation(_ text: String) -> Bool {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if !asciiPunctuation.contains(byte) { return false }
            }
            return true
        }) ?? nil {
            return ascii
        }
        return text.allSatisfy { $0.isPunctuation }
    }
}
