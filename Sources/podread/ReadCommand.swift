import ArgumentParser
import CursesTerminal
import EpisodeIO
import EpisodeKit
import ReaderConfig
import PodcastLibrary
import PodreadApp
import ReaderUI
#if canImport(Glibc)
import Glibc
#endif

/// `podread [EPISODE]`: the full-screen reader.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open an episode in the full-screen reader (the default command)."
    )

    @OptionGroup var arguments: EpisodeArguments

    @Option(help: "Start at this time (e.g. 12:31); otherwise where the episode was left.")
    var at: String?

    @Option(help: "Start with this search.")
    var search: String?

    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: "Audio to play with the transcript (a file or URL); default: the episode's own.")
    var audio: String?

    @Flag(help: "Start playing at once.")
    var play = false

    func run() throws {
        // No episode named and podcasts followed: the library.
        if arguments.episode == nil, !arguments.sample, arguments.episodeNumber == nil, at == nil, search == nil,
           let library = try LibraryAccess.existing() {
            try runLibrary(library)
            return
        }
        let start = try parseTime(at, option: "--at")
        let opened = try ReadingNotice.while(reading: arguments.episode) { try arguments.open() }
        let loaded = opened.loaded
        if let problem = TerminalCheck.problem() { throw CommandFailure(message: problem) }
        let remembered = RememberedPlace(opened)
        let saved: (time: TimeCode?, problem: String?) = start == nil ? remembered.position() : (nil, remembered.problem)
        let config = ConfigFile.load()
        let colors = !noColor && getenv("NO_COLOR") == nil && config.settings.appearance.colors

        let player = PlayerHost(audio: audio ?? loaded.episode.audioURL, duration: loaded.episode.duration)
        defer { player.stop() }
        let terminal = try Self.terminal(colors: colors)
        let (app, indexing) = ReaderLaunch.open(loaded.episode, on: terminal, settings: config.settings, colors: colors)
        // Every problem goes to the reader's messages; the first shows at once.
        var notices = config.problems + [saved.problem].compactMap { $0 } + loaded.episode.warnings.map(\.description)
        if loaded.isBundledSample, arguments.episode == nil, !arguments.sample {
            notices.append("the bundled sample; 'podread add FEED' follows a podcast")
        }
        let runner = AppRunner(state: app, terminal: terminal, services: .real(player: player), indexing: indexing)
        let final = runner.run(start: StartRequest(time: start ?? saved.time, resumed: start == nil && saved.time != nil,
                                                   search: search, notices: notices), play: play)
        player.stop()
        terminal.end()
        // Said again once the screen is gone, so nothing is lost behind it.
        for problem in config.problems { Output.error(problem) }
        if let problem = saved.problem { Output.error(problem) }
        if let reader = final.firstReader { remembered.save(reader.position, finished: reader.isFinished) }
        if SignalFlags.stopRequested { throw ExitCode(130) }
    }

    /// The library's screens: podcasts, their episodes, the reader, search.
    private func runLibrary(_ library: Library) throws {
        if let problem = TerminalCheck.problem() { throw CommandFailure(message: problem) }
        let config = ConfigFile.load()
        let colors = !noColor && getenv("NO_COLOR") == nil && config.settings.appearance.colors
        let player = PlayerHost(audio: nil, duration: .zero)
        defer { player.stop() }
        let terminal = try Self.terminal(colors: colors)
        let host = LibraryHost(library: library)
        let size = terminal.size
        var screen = LibraryScreen(podcasts: host.podcasts())
        if let problem = config.problems.first { screen.message = problem; screen.warning = true }
        let app = AppState(.library(screen), width: size.width, height: size.height, settings: config.settings, colors: colors)
        let runner = AppRunner(state: app, terminal: terminal, services: .real(player: player), library: host)
        runner.run()
        player.stop()
        terminal.end()
        for problem in config.problems { Output.error(problem) }
        if SignalFlags.stopRequested { throw ExitCode(130) }
    }

    private static func terminal(colors: Bool) throws -> CursesScreen {
        do {
            return try CursesScreen(colors: colors)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }
}
