import ArgumentParser
import EpisodeKit

struct ReadingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reading",
        abstract: "List the recommended reading: authors, title, series, date, link."
    )

    @OptionGroup var arguments: EpisodeArguments

    func run() throws {
        let episode = try arguments.load()
        if arguments.json {
            Output.line(ReadingReport.json(episode.reading).serialized(pretty: true))
        } else if !episode.reading.isEmpty {
            Output.line(ReadingReport.text(episode.reading))
        }
        if episode.reading.isEmpty { throw nothingFound("\(InertText.clean(episode.title)): no recommended reading") }
    }
}
