import EpisodeKit
import ReaderUI

/// The playback clock as the app drives it: mpv, or the read-along clock.
public protocol Player: AnyObject {
    /// Where playback is now; nil before anything played.
    func reading() -> PlaybackReading?
    func perform(_ command: PlayerCommand)
    func stop()
}

/// A search index being built elsewhere.
public protocol IndexWork: AnyObject {
    /// Starts the work; the app calls it once its first screen is drawn,
    /// so the two do not share the cores.
    func begin()
    /// The index once it is built; nil until then.
    func finished() -> SearchIndex?
}

extension IndexWork {
    public func begin() {}
}

/// What the app asks of the world, each answered with what happened (an
/// event that goes back through `update`). The executable hands in the
/// real ones; tests hand in their own.
public struct AppServices {
    public var player: Player
    /// Puts a quote on the clipboard (through `copy`, the terminal's) and in the journal.
    public var deliverQuote: (_ quote: Quote, _ format: QuoteFormat, _ copy: (String) -> Void) -> HostEvent
    /// Opens a link with the desktop's opener, or copies it (through `copy`) when there is none.
    public var openLink: (_ link: String, _ copy: (String) -> Void) -> HostEvent
    /// A player for an episode opened from the library (its own audio).
    public var playerFor: ((Episode) -> Player)?

    public init(player: Player,
                deliverQuote: @escaping (Quote, QuoteFormat, (String) -> Void) -> HostEvent,
                openLink: @escaping (String, (String) -> Void) -> HostEvent,
                playerFor: ((Episode) -> Player)? = nil) {
        self.player = player
        self.deliverQuote = deliverQuote
        self.openLink = openLink
        self.playerFor = playerFor
    }
}
