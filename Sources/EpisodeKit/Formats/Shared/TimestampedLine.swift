/// A transcript line that starts with a time, as page texts and plain-text
/// transcripts write them: `00:12:31: text`, `0:12:31 text`, `12:31 text`,
/// `[00:12:31] text`, `(00:12:31) Speaker: text`.
struct TimestampedLine: Equatable {
    var start: TimeCode
    var speaker: String?
    var text: String

    /// Reads a line, or returns nil when it does not start with a time.
    static func parse<S: StringProtocol>(_ line: S) -> TimestampedLine? {
        var scanner = Scanner(Array(line.unicodeScalars))
        scanner.skipSpaces()
        let opener = scanner.peek
        let closer: Unicode.Scalar? = opener == "[" ? "]" : opener == "(" ? ")" : nil
        if closer != nil { scanner.advance() }
        guard let time = scanner.clockTime() else { return nil }
        if let closer {
            guard scanner.peek == closer else { return nil }
            scanner.advance()
        }
        // The separator after the time: `:`, `-`, `–`, `|`, or only space.
        if let next = scanner.peek, next == ":" || next == "-" || next == "–" || next == "|" {
            scanner.advance()
        } else if let next = scanner.peek, !next.properties.isWhitespace {
            return nil  // "12:31pm" or "00:00:01abc" is not a timestamp
        } else {
            scanner.skipSpaces()
            if let next = scanner.peek, next == "-" || next == "–" || next == "—" || next == "|" {
                scanner.advance()
            }
        }
        scanner.skipSpaces()
        let rest = String(String.UnicodeScalarView(scanner.remaining))
        let (speaker, text) = SpeakerLabel.split(rest)
        return TimestampedLine(start: time, speaker: speaker, text: text)
    }
}

/// A `Name:` label at the start of a line: one to four words, each starting
/// with a capital letter, then a colon and a space.
enum SpeakerLabel {
    static func split(_ text: String) -> (speaker: String?, text: String) {
        guard let colon = text.firstIndex(of: ":") else { return (nil, text) }
        let afterColon = text.index(after: colon)
        guard afterColon == text.endIndex || text[afterColon].isWhitespace else { return (nil, text) }
        let label = text[..<colon]
        guard isName(label) else { return (nil, text) }
        return (String(label), text[afterColon...].trimmingWhitespace())
    }

    static func isName<S: StringProtocol>(_ label: S) -> Bool {
        let words = label.split(separator: " ", omittingEmptySubsequences: false)
        guard (1...4).contains(words.count), label.count <= 40 else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "'" || $0 == "’" || $0 == "-" }
        }
    }
}

/// A tiny cursor over Unicode scalars for the line readers.
struct Scanner {
    private let scalars: [Unicode.Scalar]
    private(set) var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    var remaining: ArraySlice<Unicode.Scalar> { scalars[position...] }
    var atEnd: Bool { position >= scalars.count }

    mutating func advance() { position += 1 }

    mutating func skipSpaces() {
        while let scalar = peek, scalar.properties.isWhitespace { advance() }
    }

    /// Up to `limit` ASCII digits as a number.
    mutating func digits(limit: Int = 9) -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while count < limit, let scalar = peek, ("0"..."9").contains(scalar) {
            value = value * 10 + Int(scalar.value - 48)
            count += 1
            advance()
        }
        return count == 0 ? nil : (value, count)
    }

    /// `H:MM:SS`, `HH:MM:SS`, `MM:SS`, `M:SS`, each with an optional
    /// `.mmm` or `,mmm` fraction. Leaves the position unchanged on failure.
    mutating func clockTime() -> TimeCode? {
        let saved = position
        var parts: [Int] = []
        guard let first = digits(limit: 5) else { return nil }
        parts.append(first.value)
        while parts.count < 3, peek == ":" {
            let beforeColon = position
            advance()
            guard let part = digits(limit: 2), part.count == 2 else {
                position = beforeColon
                break
            }
            parts.append(part.value)
        }
        guard parts.count >= 2, parts[parts.count - 1] < 60 else {
            position = saved
            return nil
        }
        if parts.count == 3 && parts[1] >= 60 {
            position = saved
            return nil
        }
        var milliseconds = 0
        if peek == "." || peek == "," {
            let beforeFraction = position
            advance()
            if let fraction = digits(limit: 3) {
                milliseconds = fraction.value * [100, 10, 1][fraction.count - 1]
            } else {
                position = beforeFraction
            }
        }
        let seconds = parts.reduce(0) { $0 * 60 + $1 }
        return TimeCode(milliseconds: seconds * 1000 + milliseconds)
    }
}
