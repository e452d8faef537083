import ArgumentParser
import EpisodeKit
import EpisodeIO

/// The episode argument and `--json`, shared by the commands that show one episode.
struct EpisodeArguments: ParsableArguments {
    @Argument(help: "An episode file; the bundled sample when omitted.")
    var episode: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func load() throws -> Episode {
        try EpisodeLoader.load(episode).episode
    }
}

/// Parses a `--from`/`--to`/`--at` value, naming the option when it is wrong.
func parseTime(_ text: String?, option: String, from position: TimeCode = .zero) throws -> TimeCode? {
    guard let text else { return nil }
    do {
        return try TimeInput.parse(text).resolved(from: position)
    } catch {
        throw CommandFailure(message: "\(option): \(error)")
    }
}
