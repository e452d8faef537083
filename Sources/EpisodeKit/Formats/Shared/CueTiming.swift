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
        // A byte scan: a timing test runs on every line of a caption file.
        var dashes = 0
        for byte in line.utf8 {
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
        guard let arrow = line.firstRange(of: "-->") else { return nil }
        let left = line[..<arrow.lowerBound].trimmingWhitespace()
        let right = line[arrow.upperBound...].trimmingWhitespace()
        let endToken = right.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        guard let start = time(left), let end = time(endToken) else { return nil }
        return CueTiming(start: start, end: end)
    }

    /// One lenient cue time, or nil. Parsed on UTF-8 bytes: this runs twice
    /// for every cue of a caption file.
    static func time(_ token: String) -> TimeCode? {
        var parts: [Int] = []
        var current = 0
        var digits = 0
        var fraction = -1       // digits after `.`/`,`, or -1 for none yet
        var fractionValue = 0
        for byte in token.utf8 {
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
                guard fraction < 0, digits > 0, parts.count < 2 else { return nil }
                parts.append(current)
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
        parts.append(current)
        if parts.count >= 2 && parts[parts.count - 1] >= 60 { return nil }
        if parts.count == 3 && parts[1] >= 60 { return nil }
        let seconds = parts.reduce(0) { $0 * 60 + $1 }
        let milliseconds = fraction > 0 ? fractionValue * [0, 100, 10, 1][fraction] : 0
        return TimeCode(milliseconds: seconds * 1000 + milliseconds)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
