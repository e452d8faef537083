/// A transcript line that starts with a time, as page texts and plain-text
/// transcripts write them: `00:12:31: text`, `0:12:31 text`, `12:31 text`,
/// `[00:12:31] text`, `(00:12:31) Speaker: text`.
struct TimestampedLine: Equatable {
    var start: TimeCode
    var speaker: String?
    var text: String

    /// Reads a line, or returns nil when it does not start with a time.
    /// Works on the line's UTF-8 bytes: page texts and plain transcripts run
    /// this on every line, and a copy of each line's scalars would dominate.
    static func parse<S: StringProtocol>(_ line: S) -> TimestampedLine? {
        if let parsed = line.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) { return parsed }
        return Array(line.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> TimestampedLine? {
        var scanner = Scanner(bytes)
        scanner.skipSpaces()
        let opener = scanner.peekByte
        let closer: UInt8? = opener == UInt8(ascii: "[") ? UInt8(ascii: "]") : opener == UInt8(ascii: "(") ? UInt8(ascii: ")") : nil
        if closer != nil { scanner.advance() }
        guard let time = scanner.clockTime() else { return nil }
        if let closer {
            guard scanner.peekByte == closer else { return nil }
            scanner.advance()
        }
        // The separator after the time: `:`, `-`, `–`, `|`, or only space.
        if let next = scanner.peek, next == ":" || next == "-" || next == "–" || next == "|" {
            scanner.advance()
        } else if let next = scanner.peek, !next.isSpace {
            return nil  // "12:31pm" or "00:00:01abc" is not a timestamp
        } else {
            scanner.skipSpaces()
            if let next = scanner.peek, next == "-" || next == "–" || next == "—" || next == "|" {
                scanner.advance()
            }
        }
        scanner.skipSpaces()
        let (speaker, text) = SpeakerLabel.split(scanner.remainingText)
        return TimestampedLine(start: time, speaker: speaker, text: text)
    }
}

/// A `Name:` label at the start of a line: one to four words, each starting
/// with a capital letter, then a colon and a space.
enum SpeakerLabel {
    static func split(_ text: String) -> (speaker: String?, text: String) {
        // The colon is found on bytes: this runs for every transcript line.
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return (nil, text) }
        let afterColon = text.utf8.index(after: colon)
        guard afterColon == text.endIndex || text.unicodeScalars[afterColon].isSpace else { return (nil, text) }
        let label = text[..<colon]
        guard isName(label) else { return (nil, text) }
        return (String(label), text[afterColon...].trimmingWhitespace())
    }

    /// A speaker label: a name, or several joined by `&`, `and`, `,` or `/`
    /// (`Dana Wu & Sam Ortiz & Lee Park`), as written.
    static func isName<S: StringProtocol>(_ label: S) -> Bool {
        // Most labels are one plain ASCII name: answered on bytes.
        if let answer = label.utf8.withContiguousStorageIfAvailable({ asciiName($0) }) ?? nil { return answer }
        return isNameInGeneral(label)
    }

    /// `isName` for any label, on characters.
    static func isNameInGeneral<S: StringProtocol>(_ label: S) -> Bool {
        guard label.utf8.count <= 240, label.count <= 100 else { return false }
        let text = String(label)
        guard text.contains(where: { $0 == "&" || $0 == "," || $0 == "/" }) || text.contains(" and ") else {
            return isOneName(text)
        }
        let names = text.split(whereSeparator: { $0 == "&" || $0 == "," || $0 == "/" })
            .flatMap { $0.components(separatedBy: " and ") }
            .map { $0.trimmingWhitespace() }
        return (2...8).contains(names.count) && names.allSatisfy { isOneName($0) }
    }

    /// `isOneName` for a label of ASCII bytes without `&`, `,`, `/` or ` and `;
    /// nil for any other label (the general path answers it).
    private static func asciiName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count <= 40 else { return nil }
        for byte in bytes where byte >= 0x80 || byte == 38 || byte == 44 || byte == 47 { return nil }
        let joined = Array(" and ".utf8)
        if bytes.count >= 5 {
            for start in 0...(bytes.count - 5) where bytes[start] == 32 && bytes[start + 4] == 32
                && bytes[start + 1] == joined[1] && bytes[start + 2] == joined[2] && bytes[start + 3] == joined[3] {
                return nil  // names joined by ` and `
            }
        }
        var words = 0
        var index = 0
        while true {
            var end = index
            while end < bytes.count && bytes[end] != 32 { end += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[index..<end])
            words += 1
            guard words <= 4 else { return false }
            let isNumber = words > 1 && (1...3).contains(word.count) && word.allSatisfy { $0 >= 48 && $0 <= 57 }
            if !isNumber {
                guard let first = word.first, first >= 65 && first <= 90 else { return false }
                let allowed = word.allSatisfy { byte in
                    (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
                        || byte == 46 || byte == 39 || byte == 45 || byte == 95
                }
                guard allowed else { return false }
            }
            guard end < bytes.count else { return true }
            index = end + 1
        }
    }

    /// One to four words, each starting with a capital letter; generic
    /// labels too: a number after a word (`Speaker 10`), or digits joined
    /// with an underscore (`SPEAKER_01`).
    static func isOneName<S: StringProtocol>(_ label: S) -> Bool {
        let words = label.split(separator: " ", omittingEmptySubsequences: false)
        guard (1...4).contains(words.count), label.count <= 40 else { return false }
        return words.enumerated().allSatisfy { number, word in
            if number > 0, (1...3).contains(word.count), word.allSatisfy(\.isASCIIDigit) { return true }
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "_" || $0.isASCIIDigit }
        }
    }
}

/// A tiny cursor over a line's UTF-8 bytes for the line readers. Times are
/// ASCII, so most steps look at one byte; `peek` decodes a whole scalar for
/// the separators and spaces that may not be.
struct Scanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var peekByte: UInt8? { position < bytes.count ? bytes[position] : nil }
    var atEnd: Bool { position >= bytes.count }

    /// The scalar at the position (the bytes are valid UTF-8: they come from a String).
    var peek: Unicode.Scalar? {
        guard position < bytes.count else { return nil }
        let lead = bytes[position]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        var iterator = bytes[position...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The rest of the line as text.
    var remainingText: String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[position...]), as: UTF8.self)
    }

    /// Steps over one whole scalar.
    mutating func advance() {
        guard position < bytes.count else { return }
        let lead = bytes[position]
        position += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        position = min(position, bytes.count)
    }

    mutating func skipSpaces() {
        while let scalar = peek, scalar.isSpace { advance() }
    }

    /// Up to `limit` ASCII digits as a number.
    mutating func digits(limit: Int = 9) -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while count < limit, let byte = peekByte, byte >= 48 && byte <= 57 {
            value = value * 10 + Int(byte - 48)
            count += 1
            position += 1
        }
        return count == 0 ? nil : (value, count)
    }

    /// `H:MM:SS`, `HH:MM:SS`, `MM:SS`, `M:SS`, each with an optional
    /// `.mmm` or `,mmm` fraction. Leaves the position unchanged on failure.
    mutating func clockTime() -> TimeCode? {
        let saved = position
        var parts = (0, 0, 0)
        var count = 0
        guard let first = digits(limit: 5) else { return nil }
        parts.0 = first.value
        count = 1
        while count < 3, peekByte == UInt8(ascii: ":") {
            let beforeColon = position
            position += 1
            guard let part = digits(limit: 2), part.count == 2 else {
                position = beforeColon
                break
            }
            if count == 1 { parts.1 = part.value } else { parts.2 = part.value }
            count += 1
        }
        let last = count == 3 ? parts.2 : parts.1
        guard count >= 2, last < 60, count == 2 || parts.1 < 60 else {
            position = saved
            return nil
        }
        var milliseconds = 0
        if peekByte == UInt8(ascii: ".") || peekByte == UInt8(ascii: ",") {
            let beforeFraction = position
            position += 1
            if let fraction = digits(limit: 3) {
                milliseconds = fraction.value * [100, 10, 1][fraction.count - 1]
            } else {
                position = beforeFraction
            }
        }
        let seconds = count == 3 ? (parts.0 * 60 + parts.1) * 60 + parts.2 : parts.0 * 60 + parts.1
        return TimeCode(milliseconds: seconds * 1000 + milliseconds)
    }
}
