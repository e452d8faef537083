/// A point in an episode, kept in whole milliseconds so that times read from
/// one format and written to another round-trip exactly.
public struct TimeCode: Hashable, Comparable, Sendable {
    /// Milliseconds from the start of the episode. Never negative.
    public var milliseconds: Int

    public init(milliseconds: Int) {
        self.milliseconds = max(0, milliseconds)
    }

    public init(seconds: Double) {
        self.init(milliseconds: Int((seconds * 1000).rounded()))
    }

    public static let zero = TimeCode(milliseconds: 0)

    /// The time in seconds, as JSON outputs and media fragments want it.
    public var seconds: Double { Double(milliseconds) / 1000 }

    /// Whole seconds, rounded down.
    public var wholeSeconds: Int { milliseconds / 1000 }

    public static func < (lhs: TimeCode, rhs: TimeCode) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    /// `HH:MM:SS`, the way podread shows every time.
    public var formatted: String {
        let total = wholeSeconds
        return "\(Self.pad(total / 3600)):\(Self.pad(total / 60 % 60)):\(Self.pad(total % 60))"
    }

    /// `HH:MM:SS.mmm` (or `HH:MM:SS,mmm` for SRT) for formats that keep milliseconds.
    public func formattedWithMilliseconds(separator: Character = ".") -> String {
        let ms = milliseconds % 1000
        let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return formatted + String(separator) + msText
    }

    /// Seconds as a short decimal: `751`, `751.5`, `751.25`.
    public var secondsText: String {
        let ms = milliseconds % 1000
        if ms == 0 { return "\(wholeSeconds)" }
        var fraction = String(ms + 1000).dropFirst()
        while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        return "\(wholeSeconds).\(fraction)"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

extension TimeCode: CustomStringConvertible {
    public var description: String { formatted }
}
