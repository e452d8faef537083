import EpisodeKit
import ReaderUI

/// The loop between a terminal and the app: draw, wait for input (polling
/// the player, a background index and a refresh between keys), update,
/// carry out the effects, and feed what became of them back in as events.
public final class AppRunner {
    public private(set) var state: AppState
    private let terminal: Terminal
    private let services: AppServices
    private let library: LibraryHost?
    private var indexing: IndexWork?
    /// The player of the reader on top (a library episode brings its own).
    private var player: Player
    /// A library search asked for while its index was being built.
    private var waitingQuery: String?
    /// How long to wait for a key before looking at the player, the index and a refresh again.
    public static let pollMilliseconds = 100

    public init(state: AppState, terminal: Terminal, services: AppServices, indexing: IndexWork? = nil, library: LibraryHost? = nil) {
        self.state = state
        self.terminal = terminal
        self.services = services
        self.indexing = indexing
        self.library = library
        player = services.player
    }

    /// Runs until the app quits or the terminal has no more input; returns the last state.
    @discardableResult
    public func run(start: StartRequest = StartRequest(), play: Bool = false) -> AppState {
        if state.reader != nil {
            _ = update(&state, .input(.start(start)))
            if play, let reader = state.reader { player.perform(.play(from: reader.position)) }
        } else {
            library?.prepareIndex()
        }
        while true {
            if let reading = player.reading() { _ = update(&state, .input(.clock(reading))) }
            if let index = indexing?.finished() {
                indexing = nil
                _ = update(&state, .input(.host(.indexReady(IndexHandle(index)))))
            }
            pollLibrary()
            terminal.draw(render(state))
            indexing?.begin()
            guard let event = terminal.nextEvent(timeout: Self.pollMilliseconds) else { break }
            if carryOut(update(&state, .input(event))) == .stop { break }
        }
        // Ended from outside (a signal, a hang-up): every library episode open is remembered.
        player.stop()
        for case .reader(let reader, let id?) in state.screens {
            library?.remember(id, at: reader.position, finished: reader.isFinished)
        }
        return state
    }

    private enum Next { case goOn, stop }

    /// A refresh's progress and end, and a search that waited for the index.
    private func pollLibrary() {
        guard let library else { return }
        let news = library.refreshNews()
        // Making the index shows in the same place as a refresh's progress.
        _ = update(&state, .library(.refreshing(news.line ?? library.indexingLine)))
        if let reports = news.finished {
            let failed = reports.filter { $0.failure != nil }
            let new = reports.reduce(0) { $0 + $1.newEpisodes }
            let text = "refreshed \(reports.count) podcast\(reports.count == 1 ? "" : "s"): \(new) new episode\(new == 1 ? "" : "s")"
                + (failed.isEmpty ? "" : "; failed: " + failed.map { "\($0.podcast.title) (\($0.failure ?? ""))" }.joined(separator: ", "))
            reloadLibrary()
            _ = update(&state, .library(.notice(text, warning: !failed.isEmpty)))
            library.prepareIndex()
        }
        if let query = waitingQuery {
            if library.indexReady {
                waitingQuery = nil
                search(query)
            }
        }
    }

    /// Every library screen on the stack brought up to date.
    private func reloadLibrary() {
        guard let library else { return }
        _ = update(&state, .library(.podcasts(library.podcasts())))
        for case .episodes(let screen) in state.screens {
            if let (podcast, episodes) = library.episodes(of: screen.podcast.id) {
                _ = update(&state, .library(.episodes(podcast, episodes, open: false)))
            }
        }
    }

    private func search(_ query: String) {
        guard let library else { return }
        if let found = library.search(query) {
            _ = update(&state, .library(.results(query: query, groups: found.groups, total: found.total)))
        } else {
            waitingQuery = query
            _ = update(&state, .library(.notice("indexing the library…", warning: false)))
        }
    }

    /// Does what the update asked for; what became of it goes back in as events.
    private func carryOut(_ effects: [AppEffect]) -> Next {
        var next = Next.goOn
        for effect in effects {
            switch effect {
            case .quit:
                next = .stop
            case .reader(let effect):
                carryOut(effect)
            case .openPodcast(let id):
                if let (podcast, episodes) = library?.episodes(of: id) {
                    _ = update(&state, .library(.episodes(podcast, episodes, open: true)))
                }
            case .openEpisode(let id, let time, let search):
                guard let library, let (episode, saved) = library.open(id) else { continue }
                player.stop()
                player = services.playerFor?(episode) ?? services.player
                let reader = ReaderState(episode: episode, width: state.width, height: state.height, settings: state.settings, colors: state.colors)
                _ = update(&state, .open(.reader(reader, libraryEpisode: id)))
                let start = StartRequest(time: time ?? saved, resumed: time == nil && saved != nil,
                                         search: search.flatMap { $0.isEmpty ? nil : $0 }, notices: episode.warnings.map(\.description))
                _ = update(&state, .input(.start(start)))
            case .searchLibrary(let query):
                search(query)
            case .refresh(let ids):
                if library?.startRefresh(ids) == false {
                    _ = update(&state, .library(.notice("a refresh is running already", warning: false)))
                }
            case .addFeed(let address):
                guard let library else { continue }
                _ = update(&state, .library(.notice("adding \(address)…", warning: false)))
                terminal.draw(render(state))
                let outcome = library.add(address)
                reloadLibrary()
                _ = update(&state, .library(.notice(outcome.0, warning: outcome.warning)))
            case .removePodcast(let id):
                guard let library else { continue }
                let said = library.remove(id)
                reloadLibrary()
                _ = update(&state, .library(.notice(said, warning: false)))
            case .setFinished(let id, let finished):
                library?.setFinished(id, finished)
                reloadLibrary()
            case .remember(let id, let time, let finished):
                // The reader left: its audio stops with it.
                player.stop()
                player = services.player
                library?.remember(id, at: time, finished: finished)
                reloadLibrary()
            }
        }
        return next
    }

    /// A reader's effect: the player, the clipboard, a link, the terminal.
    private func carryOut(_ effect: Effect) {
        switch effect {
        case .quit:
            break
        case .suspend:
            // The audio does not play on behind a stopped reader.
            if state.isPlaying { player.perform(.pause) }
            terminal.suspend()
        case .redraw:
            terminal.redrawAll()
        case .openLink(let link):
            let outcome = services.openLink(link) { self.terminal.copyToClipboard($0) }
            _ = update(&state, .input(.host(outcome)))
        case .copyQuote(let quote, let format):
            let outcome = services.deliverQuote(quote, format) { self.terminal.copyToClipboard($0) }
            _ = update(&state, .input(.host(outcome)))
        case .player(let command):
            player.perform(command)
        }
    }
}
