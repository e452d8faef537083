/// What a person typed to name a time: either a point in the episode or a
/// step from where they are now.
public enum TimeInput: Equatable, Sendable {
    case absolute(TimeCode)
    /// A signed step in milliseconds (`+30s`, `-1m`).
    case relative(milliseconds: Int)

    /// The time this input names when the reader is at `position`.
    /// Relative steps before the start stop at zero.
    public func resolved(from position: TimeCode) -> TimeCode {
        switch self {
        case .absolute(let time): return time
        case .relative(let step): return TimeCode(milliseconds: position.milliseconds + step)
        }
    }

    /// Parses everything the jump prompt and `--at`/`--from`/`--to` accept.
    ///
    /// Accepted: `751`, `751s`, `751.5`, `12:31`, `00:12:31`, `0:12:31.5`,
    /// `12m31s`, `1h2m3s`, `1h`, `90m`, and any of these after `+` or `-`
    /// for a step from the current position.
    public static func parse(_ text: String) throws(TimeInputError) -> TimeInput {
        try TimeGrammar(input: text).parse()
    }
}

/// Why a typed time was refused; the message quotes the input and lists
/// what would have worked.
public struct TimeInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let input: String
    public let problem: String

    public var description: String {
        "\"\(input)\" is not a time (\(problem)); use e.g. 751, 12:31, 00:12:31, 12m31s, 1h2m3s, or +30s / -1m to step"
    }
}
