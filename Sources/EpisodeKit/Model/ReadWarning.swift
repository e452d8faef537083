/// Something a reader met and worked around; the episode still opens.
public struct ReadWarning: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line in the source, when the problem has one.
    public var line: Int?
    public var message: String

    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(line): \(message)" }
        return message
    }
}
