/// Why a source could not be read as an episode. The loader adds the file
/// name, so the message reads `talk.vtt:42: cue timing … is not a time`.
public struct EpisodeReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the problem, when it has one.
    public var line: Int?
    public var message: String

    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }
}
