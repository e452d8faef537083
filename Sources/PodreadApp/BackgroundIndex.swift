import EpisodeKit
import Foundation
import Synchronization

/// Builds an episode's search index on a thread of its own, so the reader
/// can show a huge transcript while its index is still being made.
public final class BackgroundIndex: IndexWork, Sendable {
    private let result = Mutex<SearchIndex?>(nil)
    private let episode: Episode
    private let started = Mutex(false)

    public init(episode: Episode) {
        self.episode = episode
    }

    /// Builds the index on a thread of its own (once, however often it is called).
    public func begin() {
        guard started.withLock({ value in defer { value = true }; return !value }) else { return }
        let episode = self.episode
        let thread = Thread { [self] in
            let index = SearchIndex(episodes: [episode])
            self.result.withLock { $0 = index }
        }
        thread.start()
    }

    /// The index once it is built; nil until then.
    public func finished() -> SearchIndex? {
        result.withLock { $0 }
    }
}
