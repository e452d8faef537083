import ArgumentParser
import EpisodeIO
import EpisodeKit

struct EpisodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "episodes",
        abstract: "List a feed's episodes, newest first; pick one elsewhere with --episode N."
    )

    @Argument(help: "A podcast RSS feed: a file or an http(s) URL.")
    var feed: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let feed = try EpisodeLoader.loadFeed(feed)
        if json {
            Output.line(EpisodesReport.json(feed).serialized(pretty: true))
        } else {
            Output.line(EpisodesReport.text(feed))
        }
    }
}
