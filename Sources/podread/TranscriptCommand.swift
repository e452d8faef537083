import ArgumentParser
import EpisodeKit

struct TranscriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcript",
        abstract: "Print the transcript, one `HH:MM:SS  text` line per segment."
    )

    @OptionGroup var arguments: EpisodeArguments

    @Option(help: "Only segments that end after this time (e.g. 12:31, 1h2m, 751).")
    var from: String?

    @Option(help: "Only segments that start at or before this time.")
    var to: String?

    func run() throws {
        let start = try parseTime(from, option: "--from")
        let end = try parseTime(to, option: "--to")
        let episode = try arguments.load()
        let segments = TranscriptReport.segments(of: episode, from: start, to: end)
        if arguments.json {
            Output.line(TranscriptReport.json(segments, timed: episode.hasTimes).serialized(pretty: true))
        } else {
            for segment in segments {
                Output.line(TranscriptReport.line(segment, timed: episode.hasTimes))
            }
        }
    }
}
