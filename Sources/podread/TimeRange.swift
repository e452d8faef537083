import EpisodeKit

/// The times a command is given, checked against each other and the episode:
/// a start after the end, or past the episode's end, is a usage error (exit
/// 2); an end past the episode's end is taken as its end.
struct TimeRange {
    var start: TimeCode?
    var end: TimeCode?

    /// `startOption`/`endOption` name the options in messages (`--from`,
    /// `--at`), with the times as they were typed.
    static func checked(start typedStart: String?, end typedEnd: String?, startOption: String, endOption: String,
                        in episode: Episode) throws -> TimeRange {
        let start = try parseTime(typedStart, option: startOption)
        let end = try parseTime(typedEnd, option: endOption)
        if let start, let end, start > end {
            throw CommandFailure(message: "\(startOption) \(typedStart ?? "") is after \(endOption) \(typedEnd ?? "")")
        }
        let length = episode.duration
        guard length > .zero else { return TimeRange(start: start, end: end) }
        if let start, start > length {
            throw CommandFailure(message: "\(startOption) \(typedStart ?? "") is past the end of the episode (\(length.formatted))")
        }
        return TimeRange(start: start, end: end.map { min($0, length) })
    }
}

/// Commands that find or list things exit 1 when there is nothing, as grep
/// does, and say so in one line.
func nothingFound(_ message: String) -> CommandFailure {
    CommandFailure(message: message, status: ExitStatus.nothingFound)
}
