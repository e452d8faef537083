import EpisodeKit
import Foundation
import PodcastLibrary
import PodreadApp
import ReaderUI

/// The library on screen, on the refreshed generated library: building the
/// index over every episode, a keystroke of the library-wide search
/// (update, the search, render at 120×40), and opening a hit in the reader
/// to its first frame.
enum LibrarySearchBench {
    static func run(library: Library) -> [RefreshBench.Figure] {
        let host = LibraryHost(library: library)
        let build = Measure.seconds {
            host.prepareIndex()
            host.waitForBackgroundWork(seconds: 600)
        }
        let podcasts = host.podcasts()
        let episodes = podcasts.reduce(0) { $0 + $1.episodes }
        var keystrokes: [Double] = []
        var firstHit: Int64?
        var firstTime: TimeCode?
        for query in ["korea", "ballbach", "cyber", "nuclear doctrine", "twenty twenty-four", "pyongyan", "ransomware", "satellite"] {
            var app = AppState(.library(LibraryScreen(podcasts: podcasts)), width: 120, height: 40)
            _ = update(&app, keys: "/")
            for character in query {
                keystrokes.append(Measure.seconds {
                    for effect in update(&app, .input(.key(.character(character)))) {
                        guard case .searchLibrary(let text) = effect, let found = host.search(text) else { continue }
                        _ = update(&app, .library(.results(query: text, groups: found.groups, total: found.total)))
                        if firstHit == nil, let group = found.groups.first {
                            firstHit = group.episodeID
                            firstTime = group.hits.first?.start
                        }
                    }
                    _ = render(app)
                } * 1000)
            }
        }
        keystrokes.sort()
        let p50 = keystrokes[keystrokes.count / 2]
        let p99 = keystrokes[min(keystrokes.count - 1, Int(Double(keystrokes.count) * 0.99))]
        var open = 0.0
        if let firstHit {
            open = Measure.seconds {
                guard let (episode, _) = host.open(firstHit) else { return }
                var reader = ReaderState(episode: episode, width: 120, height: 40)
                _ = ReaderUI.update(&reader, .start(StartRequest(time: firstTime, search: "korea")))
                _ = ReaderUI.render(reader)
            } * 1000
        }
        return [
            RefreshBench.Figure(key: "libraryIndexSeconds", value: build,
                                line: "library index at start (the index on disk, up to date, mapped): \(episodes) episodes in \(String(format: "%.3f", build)) s"),
            RefreshBench.Figure(key: "librarySearchKeystrokeP99", value: p99,
                                line: "library search keystroke (update + search + render, 120×40, \(keystrokes.count) keystrokes): p50 \(String(format: "%.2f", p50)) ms, p99 \(String(format: "%.2f", p99)) ms (frame: 16 ms)"),
            RefreshBench.Figure(key: "openHitMilliseconds", value: open,
                                line: "opening a hit in the reader to its first frame: \(String(format: "%.1f", open)) ms"),
        ]
    }
}
