import ArgumentParser
import EpisodeKit

struct ChaptersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapters",
        abstract: "List the episode's chapters with their start times."
    )

    @OptionGroup var arguments: EpisodeArguments

    func run() throws {
        let episode = try arguments.load()
        if arguments.json {
            Output.line(ChaptersReport.json(episode.chapters).serialized(pretty: true))
        } else {
            for chapter in episode.chapters { Output.line(ChaptersReport.line(chapter)) }
        }
        if episode.chapters.isEmpty { throw nothingFound("\(InertText.clean(episode.title)): no chapters") }
    }
}
