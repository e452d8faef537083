/// The `start --> end` line of WebVTT and SRT cues.
///
/// Times are read leniently, as real podcast hosts write them: `HH:MM:SS.mmm`,
/// `MM:SS.mmm`, `M:SS.mmm`, `S.mmm`, with `.` or `,` before the fraction.
/// Whatever follows the end time (cue settings, SRT coordinates) is ignored.
struct CueTiming: Equatable {
    var start: TimeCode
    var end: TimeCode

    /// Whether a line is meant as a timing line (it has the arrow), even if broken.
    static func isTimingLine<S: StringProtocol>(_ line: S) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { isTimingLine(bytes: $0) } ?? isTimingLine(bytes: line.utf8)
    }

    /// A byte scan: a timing test runs on every line of a caption file.
    static func isTimingLine<C: Collection>(bytes: C) -> Bool where C.Element == UInt8 {
        var dashes = 0
        for byte in bytes {
            if byte == 45 {
                dashes += 1
            } else {
                if byte == 62 && dashes >= 2 { return true }
                dashes = 0
            }
        }
        return false
    }

    static func parse<S: StringProtocol>(_ line: S) -> CueTiming? {
        // On bytes: every cue of a caption file has a timing line.
        line.utf8.withContiguousStorageIfAvailable { parse(bytes: Array($0)) } ?? parse(bytes: Array(line.utf8))
    }

    static func parse<C: RandomAccessCollection>(bytes: C) -> CueTiming? where C.Element == UInt8, C.Index == Int {
        guard let arrow = arrowStart(in: bytes) else { return nil }
        func isBlank(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }
        var leftEnd = arrow
        while leftEnd > bytes.startIndex && isBlank(bytes[leftEnd - 1]) { leftEnd -= 1 }
        var leftStart = bytes.startIndex
        while leftStart < leftEnd && isBlank(bytes[leftStart]) { leftStart += 1 }
        var rightStart = arrow + 3
        while rightStart < bytes.endIndex && isBlank(bytes[rightStart]) { rightStart += 1 }
        var rightEnd = rightStart
        while rightEnd < bytes.endIndex && !isBlank(bytes[rightEnd]) { rightEnd += 1 }
        guard let start = time(bytes[leftStart..<leftEnd]), let end = time(bytes[rightStart..<rightEnd]) else { return nil }
        return CueTiming(start: start, end: end)
    }

    private static func arrowStart<C: RandomAccessCollection>(in bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
        guard bytes.count >= 3 else { return nil }
        for index in bytes.startIndex...(bytes.endIndex - 3) where bytes[index] == 45 && bytes[index + 1] == 45 && bytes[index + 2] == 62 {
            return index
        }
        return nil
    }

    static func time(_ token: String) -> TimeCode? {
        time(Array(token.utf8)[...])
    }

    /// One lenient cue time, or nil. Parsed on UTF-8 bytes: this runs twice
    /// for every cue of a caption file.
    static func time<C: Collection>(_ token: C) -> TimeCode? where C.Element == UInt8 {
        var seconds = 0         // the parts before the current one, in seconds
        var parts = 0           // parts finished by a colon
        var current = 0
        var digits = 0
        var fraction = -1       // digits after `.`/`,`, or -1 for none yet
        var fractionValue = 0
        for byte in token {
            switch byte {
            case 48...57:
                if fraction >= 0 {
                    guard fraction < 3 else { return nil }
                    fractionValue = fractionValue * 10 + Int(byte - 48)
                    fraction += 1
                } else {
                    guard digits < 6 else { return nil }
                    current = current * 10 + Int(byte - 48)
                    digits += 1
                }
            case 58:  // ":"
                guard fraction < 0, digits > 0, parts < 2 else { return nil }
                // Minutes between hours and seconds must be under 60.
                if parts == 1 && current >= 60 { return nil }
                seconds = (seconds + current) * 60
                parts += 1
                current = 0
                digits = 0
            case 46, 44:  // "." or ","
                guard fraction < 0, digits > 0 else { return nil }
                fraction = 0
            default:
                return nil
            }
        }
        guard digits > 0, fraction != 0 else { return nil }
        if parts >= 1 && current >= 60 { return nil }
        let milliseconds = fraction > 0 ? fractionValue * [0, 100, 10, 1][fraction] : 0
        return TimeCode(milliseconds: (seconds + current) * 1000 + milliseconds)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
