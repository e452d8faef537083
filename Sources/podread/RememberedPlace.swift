import EpisodeIO
import EpisodeKit
import PodcastLibrary

/// Where an episode is remembered in the library's database: a library
/// episode on its own row, anything opened by path or URL under its key
/// (for a feed's episode, the feed and the episode's identity). When the
/// library cannot be opened, the reader still reads and says why it will
/// not remember.
struct RememberedPlace {
    private let library: Library?
    private let episodeID: Int64?
    private let key: String
    let problem: String?

    init(_ opened: EpisodeArguments.Opened) {
        key = ReadingPositions.key(for: opened.loaded.source, isBundledSample: opened.loaded.isBundledSample,
                                   identity: opened.loaded.episode.identity)
        episodeID = opened.libraryEpisode
        if let library = opened.library {
            self.library = library
            problem = nil
        } else {
            do {
                library = try Library()
                problem = nil
            } catch {
                library = nil
                problem = "positions are not remembered: \(error)"
            }
        }
    }

    func position() -> (time: TimeCode?, problem: String?) {
        guard let library else { return (nil, problem) }
        if let episodeID { return ((try? library.position(ofEpisode: episodeID)) ?? nil, nil) }
        return ((try? library.position(forKey: key)) ?? nil, nil)
    }

    func save(_ time: TimeCode, finished: Bool) {
        guard let library else { return }
        if let episodeID {
            try? library.savePosition(time, ofEpisode: episodeID, finished: finished)
        } else {
            try? library.savePosition(time, forKey: key)
        }
    }
}
