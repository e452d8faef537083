import EpisodeKit
import ReaderUI

/// The loop between a terminal and the app: draw, wait for input (polling
/// the player and a background index between keys), update, carry out the
/// effects, and feed what became of them back in as events.
public final class AppRunner {
    public private(set) var state: AppState
    private let terminal: Terminal
    private let services: AppServices
    private var indexing: IndexWork?
    /// How long to wait for a key before looking at the player and the index again.
    public static let pollMilliseconds = 100

    public init(state: AppState, terminal: Terminal, services: AppServices, indexing: IndexWork? = nil) {
        self.state = state
        self.terminal = terminal
        self.services = services
        self.indexing = indexing
    }

    /// Runs until the app quits or the terminal has no more input; returns the last state.
    @discardableResult
    public func run(start: StartRequest = StartRequest(), play: Bool = false) -> AppState {
        _ = update(&state, .input(.start(start)))
        if play, let reader = state.reader { services.player.perform(.play(from: reader.position)) }
        while true {
            if let reading = services.player.reading() { _ = update(&state, .input(.clock(reading))) }
            if let index = indexing?.finished() {
                indexing = nil
                _ = update(&state, .input(.host(.indexReady(IndexHandle(index)))))
            }
            terminal.draw(render(state))
            guard let event = terminal.nextEvent(timeout: Self.pollMilliseconds) else { break }
            if carryOut(update(&state, .input(event))) == .stop { break }
        }
        return state
    }

    private enum Next { case goOn, stop }

    /// Does what the update asked for; what became of it goes back in as events.
    private func carryOut(_ effects: [Effect]) -> Next {
        var next = Next.goOn
        for effect in effects {
            switch effect {
            case .quit:
                next = .stop
            case .suspend:
                // The audio does not play on behind a stopped reader.
                if state.isPlaying { services.player.perform(.pause) }
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
                services.player.perform(command)
            }
        }
        return next
    }
}
