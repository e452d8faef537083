/// The parser behind `TimeInput.parse`. Kept separate so the accepted forms
/// read as one small grammar:
///
///     input    = [sign] (clock | units | seconds)
///     clock    = number ":" number [":" number]      (last part may have a fraction)
///     units    = [number "h"] [number "m"] [number "s"]   (at least one, in this order)
///     seconds  = number ["." digits] ["s"]
struct TimeGrammar {
    let input: String

    /// Times at or beyond this many hours are refused as absurd (and to keep
    /// arithmetic far from overflow).
    static let maximumHours = 10_000

    func parse() throws(TimeInputError) -> TimeInput {
        var text = Substring(input.trimmingWhitespace())
        guard !text.isEmpty else { throw fail("it is empty") }
        var sign = 0
        if let first = text.first, first == "+" || first == "-" {
            sign = first == "+" ? 1 : -1
            text = text.dropFirst()
            guard !text.isEmpty else { throw fail("a sign needs an amount after it") }
        }
        let milliseconds: Int
        if text.contains(":") {
            milliseconds = try clock(text)
        } else if text.contains(where: { $0 == "h" || $0 == "m" || $0 == "H" || $0 == "M" }) {
            milliseconds = try units(text.lowercased()[...])
        } else {
            var number = text
            if number.last == "s" || number.last == "S" { number = number.dropLast() }
            milliseconds = try decimalSeconds(number)
        }
        guard milliseconds < Self.maximumHours * 3_600_000 else {
            throw fail("more than \(Self.maximumHours) hours")
        }
        if sign == 0 { return .absolute(TimeCode(milliseconds: milliseconds)) }
        return .relative(milliseconds: sign * milliseconds)
    }

    private func fail(_ problem: String) -> TimeInputError {
        TimeInputError(input: input, problem: problem)
    }

    /// `12:31`, `00:12:31`, `0:12:31.5`.
    private func clock(_ text: Substring) throws(TimeInputError) -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else {
            throw fail("a clock time has two or three parts")
        }
        let secondsPart = parts[parts.count - 1]
        let seconds = try decimalSeconds(secondsPart)
        guard seconds < 60_000 else { throw fail("seconds must be below 60") }
        let minutes = try whole(parts[parts.count - 2])
        var hours = 0
        if parts.count == 3 {
            hours = try whole(parts[0])
            guard minutes < 60 else { throw fail("minutes must be below 60") }
        }
        guard hours < Self.maximumHours, minutes < Self.maximumHours * 60 else {
            throw fail("more than \(Self.maximumHours) hours")
        }
        return (hours * 3600 + minutes * 60) * 1000 + seconds
    }

    /// `1h2m3s`, `12m31s`, `90m`, `1h`.
    private func units(_ text: Substring) throws(TimeInputError) -> Int {
        var rest = text
        var total = 0
        var lastUnitRank = -1
        let ranks: [Character: (rank: Int, milliseconds: Int)] = [
            "h": (0, 3_600_000), "m": (1, 60_000), "s": (2, 1000),
        ]
        while !rest.isEmpty {
            guard let unitIndex = rest.firstIndex(where: { ranks[$0] != nil }) else {
                throw fail("a number needs a unit h, m or s after it")
            }
            let unit = ranks[rest[unitIndex]]!
            guard unit.rank > lastUnitRank else { throw fail("units go h, m, s, each once") }
            lastUnitRank = unit.rank
            let number = rest[..<unitIndex]
            let amount: Int
            if unit.rank == 2 {
                amount = try decimalSeconds(number)
            } else {
                let value = try whole(number)
                guard value < Self.maximumHours * 60 else {
                    throw fail("more than \(Self.maximumHours) hours")
                }
                amount = value * unit.milliseconds
            }
            total += amount
            rest = rest[rest.index(after: unitIndex)...]
        }
        return total
    }

    /// A whole number of digits, at most 9 of them.
    private func whole(_ text: Substring) throws(TimeInputError) -> Int {
        guard !text.isEmpty else { throw fail("a part is missing") }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw fail("\"\(text)\" is not a number")
        }
        guard text.count <= 9, let value = Int(text) else {
            throw fail("more than \(Self.maximumHours) hours")
        }
        return value
    }

    /// Seconds with an optional fraction, returned in milliseconds.
    private func decimalSeconds(_ text: Substring) throws(TimeInputError) -> Int {
        let pieces = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = try whole(pieces[0])
        guard whole < Self.maximumHours * 3600 else {
            throw fail("more than \(Self.maximumHours) hours")
        }
        var milliseconds = whole * 1000
        if pieces.count == 2 {
            let fraction = pieces[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw fail("\"\(text)\" is not a number")
            }
            let digits = Array(fraction.prefix(3)) + Array(repeating: Character("0"), count: max(0, 3 - fraction.count))
            milliseconds += Int(String(digits))!
        }
        return milliseconds
    }
}
