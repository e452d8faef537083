import ArgumentParser
import EpisodeKit
import EpisodeIO
import Foundation
import PodcastLibrary

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

    @Flag(help: "Open the bundled sample episode, whatever the library holds.")
    var sample = false

    func validate() throws {
        if let episodeNumber, episodeNumber < 1 {
            throw ValidationError("--episode counts from 1 (the newest)")
        }
    }

    func load() throws -> Episode {
        try open().loaded.episode
    }

    /// An episode and, for one of the library, where it is kept.
    struct Opened {
        var loaded: LoadedEpisode
        var library: Library?
        var libraryEpisode: Int64?
    }

    /// The episode named: a file or URL; else a podcast of the library
    /// (`PODCAST`, `PODCAST --episode N`), read offline; the bundled sample
    /// with `--sample`, `sample`, or nothing named.
    func open() throws -> Opened {
        let options = LoadOptions(episodeNumber: episodeNumber, strict: strict)
        if sample || (episode == "sample" && !FileManager.default.fileExists(atPath: "sample")) {
            return Opened(loaded: try EpisodeLoader.load(nil, options: options))
        }
        if let name = episode, case .file = EpisodeLocation(argument: name), !FileManager.default.fileExists(atPath: name),
           let library = try LibraryAccess.existing() {
            let podcast = try LibraryAccess.run { try library.podcast(named: name) }
            let opened = try LibraryAccess.run { try library.openEpisode(of: podcast, number: episodeNumber) }
            if strict, let problem = opened.episode.warnings.first {
                throw CommandFailure(message: "\(podcast.title): \(problem.description)")
            }
            return Opened(loaded: LoadedEpisode(episode: opened.episode, source: podcast.feedURL, isBundledSample: false),
                          library: library, libraryEpisode: opened.row.id)
        }
        return Opened(loaded: try EpisodeLoader.load(episode, options: options))
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
