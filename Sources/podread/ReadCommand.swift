import ArgumentParser
import CursesTerminal
import EpisodeIO

/// `podread [EPISODE]`: the full-screen reader.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open an episode in the full-screen reader (the default command)."
    )

    @Argument(help: "An episode file; the bundled sample when omitted.")
    var episode: String?

    func run() throws {
        _ = try EpisodeLoader.load(episode)
        if let problem = TerminalCheck.problem() {
            throw CommandFailure(message: problem)
        }
        throw CommandFailure(message: "the full-screen reader is not part of this build yet; use `podread transcript`, `info` or `reading`")
    }
}
