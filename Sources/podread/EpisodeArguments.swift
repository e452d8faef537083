import ArgumentParser
import EpisodeKit
import EpisodeIO

/// The episode argument and the options every episode command shares.
struct EpisodeArguments: ParsableArguments {
    @Argument(help: "An episode file, feed or http(s) URL; the bundled sample when omitted.")
    var episode: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(name: .customLong("episode"), help: "For a feed: which episode, 1 = the newest (default: the newest with a transcript).")
    var episodeNumber: Int?

    @Flag(help: "Treat any problem in the file (a broken cue, a skipped segment) as an error.")
    var strict = false

    func validate() throws {
        if let episodeNumber, episodeNumber < 1 {
            throw ValidationError("--episode counts from 1 (the newest)")
        }
    }

    func load() throws -> Episode {
        try EpisodeLoader.load(episode, options: LoadOptions(episodeNumber: episodeNumber, strict: strict)).episode
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
