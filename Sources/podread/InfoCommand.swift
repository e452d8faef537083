import ArgumentParser
import EpisodeKit

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show an episode's title, people, counts and warnings."
    )

    @OptionGroup var arguments: EpisodeArguments

    func run() throws {
        let episode = try arguments.load()
        Output.line(arguments.json ? InfoReport.json(episode).serialized(pretty: true) : InfoReport.text(episode))
    }
}
