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
        let episode = try arguments.load()
        let range = try TimeRange.checked(start: from, end: to,
                                          startOption: "--from", endOption: "--to", in: episode)
        let segments = TranscriptReport.segments(of: episode, from: range.start, to: range.end)
        if arguments.json {
            Output.line(TranscriptReport.json(segments, timed: episode.hasTimes).serialized(pretty: true))
        } else {
            for segment in segments {
                Output.line(TranscriptReport.line(segment, timed: episode.hasTimes))
            }
        }
        if segments.isEmpty {
            if episode.segments.isEmpty { throw nothingFound("\(episode.title): the episode has no transcript") }
            let from = range.start?.formatted ?? "the start", to = range.end?.formatted ?? "the end"
            throw nothingFound("no segment between \(from) and \(to)")
        }
    }
}
