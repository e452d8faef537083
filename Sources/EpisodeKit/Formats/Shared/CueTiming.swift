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
        line.contains("-->")
    }

    static func parse<S: StringProtocol>(_ line: S) -> CueTiming? {
        guard let arrow = line.firstRange(of: "-->") else { return nil }
        let left = line[..<arrow.lowerBound].trimmingWhitespace()
        let right = line[arrow.upperBound...].trimmingWhitespace()
        let endToken = right.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        guard let start = time(left), let end = time(endToken) else { return nil }
        return CueTiming(start: start, end: end)
    }

    /// One lenient cue time, or nil.
    static func time(_ token: String) -> TimeCode? {
        guard !token.isEmpty, token.count <= 20 else { return nil }
        var main = Substring(token)
        var milliseconds = 0
        if let dot = token.lastIndex(where: { $0 == "." || $0 == "," }) {
            let fraction = token[token.index(after: dot)...]
            guard (1...3).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            milliseconds = Int(fraction)! * [100, 10, 1][fraction.count - 1]
            main = token[..<dot]
        }
        let parts = main.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = parts.map { Int($0)! }
        if numbers.count >= 2 && numbers[numbers.count - 1] >= 60 { return nil }
        if numbers.count == 3 && numbers[1] >= 60 { return nil }
        let seconds = numbers.reduce(0) { $0 * 60 + $1 }
        return TimeCode(milliseconds: seconds * 1000 + milliseconds)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
