import EpisodeKit
import Foundation
import Synchronization

/// Builds an episode's search index on a thread of its own, so the reader
/// can show a huge transcript while its index is still being made.
public final class BackgroundIndex: IndexWork, Sendable {
    private let result = Mutex<SearchIndex?>(nil)

    public init(episode: Episode) {
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
