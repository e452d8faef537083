import EpisodeKit
import ReaderUI

/// Opening an episode in the reader on a terminal.
public enum ReaderLaunch {
    /// From this many lines on, the search index is built while the reader
    /// is already on screen: a 10-hour transcript (some 8,000 lines) would
    /// spend a third of its first screen indexing, a million lines seconds.
    /// A search typed meanwhile runs as soon as the index is there.
    public static let backgroundIndexLines = 2_000

    /// The app with the episode's reader at the terminal's size, and the
    /// index being built elsewhere when the transcript is that long (the
    /// terminal says it is laying the lines out meanwhile).
    public static func open(_ episode: Episode, on terminal: Terminal, settings: ReaderSettings, colors: Bool) -> (AppState, IndexWork?) {
        let size = terminal.size
        let indexLater = episode.segments.count >= backgroundIndexLines
        var indexing: IndexWork?
        if indexLater {
            var opening = Screen(width: size.width, height: size.height)
            opening.write(" " + InertText.clean(episode.title) + ": laying out \(episode.segments.count) lines…", row: 0, column: 0, limit: size.width)
            terminal.draw(opening)
        }
        let reader = ReaderState(episode: episode, width: size.width, height: size.height, settings: settings, colors: colors,
                                 indexLater: indexLater)
        // Begun by the app once the first screen is drawn, so the two do not share the cores.
        if indexLater { indexing = BackgroundIndex(episode: episode) }
        return (AppState(.reader(reader, libraryEpisode: nil), width: size.width, height: size.height, settings: settings, colors: colors), indexing)
    }
}
