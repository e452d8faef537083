import ArgumentParser
import CursesTerminal
import EpisodeIO
import EpisodeKit
import ReaderConfig
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
        let start = try parseTime(at, option: "--at")
        let loaded = try ReadingNotice.while(reading: arguments.episode) {
            try EpisodeLoader.load(arguments.episode,
                                   options: LoadOptions(episodeNumber: arguments.episodeNumber, strict: arguments.strict))
        }
        if let problem = TerminalCheck.problem() { throw CommandFailure(message: problem) }
        let positions = ReadingPositions()
        let key = ReadingPositions.key(for: loaded.source, isBundledSample: loaded.isBundledSample, identity: loaded.episode.identity)
        let saved: (time: TimeCode?, problem: String?) = start == nil ? positions.position(for: key) : (nil, nil)
        let colors = !noColor && getenv("NO_COLOR") == nil
        let config = ConfigFile.load()

        let player = PlayerHost(audio: audio ?? loaded.episode.audioURL, duration: loaded.episode.duration)
        defer { player.stop() }
        let session = try ReaderSession(episode: loaded.episode, settings: config.settings, colors: colors, player: player)
        // Every problem goes to the reader's messages; the first shows at once.
        let notices = config.problems + [saved.problem].compactMap { $0 } + loaded.episode.warnings.map(\.description)
        let finalPosition = session.run(start: start ?? saved.time, resumed: start == nil && saved.time != nil, search: search,
                                        notices: notices, play: play)
        player.stop()
        session.close()
        // Said again once the screen is gone, so nothing is lost behind it.
        for problem in config.problems { Output.error(problem) }
        if let problem = saved.problem { Output.error(problem) }
        try? positions.save(finalPosition, for: key)
        if SignalFlags.stopRequested { throw ExitCode(130) }
    }
}

/// The running reader: the terminal, the state, and the loop between them.
final class ReaderSession {
    private let terminal: CursesScreen
    private var state: ReaderState
    private let player: PlayerHost
    private var indexer: BackgroundIndex?
    /// From this many lines on, the search index is built while the reader
    /// is already on screen (a million lines take seconds to index).
    static let backgroundIndexLines = 20_000

    init(episode: Episode, settings: ReaderSettings, colors: Bool, player: PlayerHost) throws {
        self.player = player
        do {
            terminal = try CursesScreen(colors: colors && settings.appearance.colors)
        } catch {
            throw CommandFailure(message: error.description)
        }
        let size = terminal.size
        let indexLater = episode.segments.count >= Self.backgroundIndexLines
        if indexLater {
            var opening = Screen(width: size.width, height: size.height)
            opening.write(" " + InertText.clean(episode.title) + ": laying out \(episode.segments.count) lines…", row: 0, column: 0, limit: size.width)
            terminal.draw(opening)
            indexer = BackgroundIndex(episode: episode)
        }
        state = ReaderState(episode: episode, width: size.width, height: size.height, settings: settings, colors: colors,
                            indexLater: indexLater)
    }

    /// Runs until the reader quits or a signal asks it to; returns the position to remember.
    func run(start: TimeCode?, resumed: Bool, search: String?, notices: [String], play: Bool) -> TimeCode {
        state.start(at: start, resumed: resumed, search: search, notices: notices)
        if play { player.start(at: state.position) }
        while true {
            if let reading = player.reading() { _ = update(&state, .clock(reading)) }
            if let index = indexer?.finished() {
                state.receive(index: index)
                indexer = nil
            }
            terminal.draw(render(state))
            guard let event = terminal.nextEvent() else { break }
            var quit = false
            for effect in update(&state, event) {
                switch effect {
                case .quit: quit = true
                case .suspend:
                    // The audio does not play on behind a stopped reader.
                    if state.isPlaying { player.perform(.pause) }
                    terminal.suspend()
                case .redraw: terminal.redrawAll()
                case .openLink(let link): open(link)
                case .copyQuote(let quote, let format):
                    let outcome = QuoteDelivery.deliver(quote, format: format, terminalIsStandardOutput: true)
                    state.show(outcome.message, warning: outcome.journalFailed)
                case .player(let request):
                    player.perform(request)
                }
            }
            if quit { break }
        }
        return state.position
    }

    private func open(_ link: String) {
        if let opener = ExternalOpener.opener(), ExternalOpener.open(link, with: opener) {
            state.show("opening \(link)")
        } else {
            Clipboard.copy(link)
            state.show("no opener here; link copied: \(link)")
        }
    }

    func close() { terminal.end() }
}
