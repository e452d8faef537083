import EpisodeKit
import Foundation
@testable import PodcastLibrary
@testable import PodreadApp
import ReaderUI
import Testing
import TestSupport

/// The library's screens driven through a terminal in memory, on a
/// generated library (its feeds read as local files: no network).
@Suite("The library on screen", .serialized)
final class LibraryScreenTests {
    let generated: GeneratedLibrary
    let host: LibraryHost

    /// The library's files go only once its background work has ended.
    deinit { host.waitForBackgroundWork() }

    init() throws {
        generated = try GeneratedLibrary(podcasts: 2, episodes: 4)
        let library = try Library(environment: generated.environment)
        for number in 0..<2 {
            let feed = generated.site.appendingPathComponent("feeds/show-0\(number).xml").path
            let podcast = try library.subscribe(feedURL: feed, title: nil).podcast
            _ = Refresher(library: library).refreshOne(podcast)
        }
        host = LibraryHost(library: library)
    }

    func run(_ keys: String, width: Int = 100, height: Int = 30) -> (AppState, ScriptedTerminal) {
        let terminal = ScriptedTerminal(width: width, height: height, keys: keys)
        let services = RecordingServices()
        let app = AppState(.library(LibraryScreen(podcasts: host.podcasts())), width: width, height: height)
        let final = AppRunner(state: app, terminal: terminal, services: services.services, library: host).run()
        return (final, terminal)
    }

    @Test("the library lists podcasts with episodes, transcripts and unread counts; Enter opens one's episodes")
    func library() {
        let (app, terminal) = run("j<Enter>")
        let first = terminal.drawn[0].lines
        #expect(first[0].contains("Library") && first[0].contains("2 podcasts"))
        #expect(first[2].contains("4") && first[2].contains("never") == false)
        guard case .episodes(let screen) = app.top else {
            Issue.record("no episodes screen")
            return
        }
        #expect(screen.podcast.id == host.podcasts()[1].id)
        #expect(screen.episodes.count == 4)
        #expect(terminal.lines[0].contains("4 episodes"))
        #expect(terminal.lines[2].contains("T  new"))
    }

    @Test("library → episodes → reader → back, at the same row; the place is remembered and shown")
    func readAndComeBack() throws {
        let (app, terminal) = run("<Enter>jj<Enter>jjjq")
        guard case .episodes(let screen) = app.top else {
            Issue.record("not back on the episodes")
            return
        }
        #expect(screen.list.selected == 2)
        #expect(app.screens.count == 2)
        let row = terminal.lines[4]
        #expect(row.contains("00:0"), "the position shows: \(row)")
        // And the library's unread count went down.
        guard case .library(let library) = app.screens[0] else { return }
        #expect(library.podcasts[0].unread == 3)
    }

    @Test("Esc in the reader clears its search first, then goes back to the list; Esc on the episodes goes back too")
    func escape() {
        let (app, _) = run("<Enter><Enter>/the<Enter><Esc>")
        guard case .reader(let reader, _) = app.top else {
            Issue.record("the first Esc left the reader")
            return
        }
        #expect(reader.search == nil)
        let (back, _) = run("<Enter><Enter>/the<Enter><Esc><Esc>")
        guard case .episodes = back.top else {
            Issue.record("the second Esc did not go back to the episodes")
            return
        }
        let (library, _) = run("<Enter><Enter><Esc><Esc>")
        guard case .library = library.top else {
            Issue.record("Esc on the episodes did not go back to the library")
            return
        }
    }

    @Test("x marks an episode finished; q on the episodes returns to the library; q there quits")
    func finishedAndQuit() {
        let (app, terminal) = run("<Enter>xq")
        guard case .library(let library) = app.top else {
            Issue.record("not back in the library")
            return
        }
        #expect(library.podcasts[0].unread == 3)
        #expect(terminal.drawn.contains { $0.lines.contains { $0.contains("done ✓") } })
        let (quit, _) = run("q")
        #expect(quit.screens.count == 1)
    }

    @Test("/ searches the whole library as you type; Enter on a hit opens the reader there with the search on; back returns to the results")
    func search() throws {
        let word = "Ballbach"
        // The index is built on a thread of its own: wait for it, as a person would.
        host.prepareIndex()
        let deadline = Date().addingTimeInterval(20)
        while !host.indexReady && Date() < deadline { usleep(20_000) }
        let (app, terminal) = run("/\(word.lowercased())<Enter><Enter>")
        guard case .reader(let reader, let episode?) = app.top else {
            Issue.record("no reader at the hit: \(terminal.lines)")
            return
        }
        #expect(reader.search?.query == word.lowercased())
        let found = host.search(word.lowercased())!
        #expect(found.groups.first?.episodeID == episode)
        #expect(reader.position == found.groups.first?.hits.first?.start ?? reader.position)
        let results = terminal.drawn.first { $0.lines[0].contains("Search the library") && $0.lines[0].contains("hit") }
        #expect(results != nil)
        // Back from the reader: the results as they were.
        let terminal2 = ScriptedTerminal(width: 100, height: 30, keys: "q")
        let services = RecordingServices()
        let back = AppRunner(state: app, terminal: terminal2, services: services.services, library: host).run()
        guard case .results(let screen) = back.top else {
            Issue.record("not back on the results")
            return
        }
        #expect(screen.query == word.lowercased() && !screen.groups.isEmpty)
    }

    @Test("a search typed while the index is being made says how far it is, not '0 hits'")
    func searchWhileIndexing() {
        var app = AppState(.library(LibraryScreen(podcasts: host.podcasts())), width: 100, height: 30)
        _ = update(&app, keys: "/acetal")
        _ = update(&app, .library(.refreshing("indexing for search 3/8…")))
        #expect(render(app).lines[0].contains("indexing for search 3/8…"))
        #expect(!render(app).lines[0].contains("0 hits"))
        _ = update(&app, .library(.refreshing(nil)))
        _ = update(&app, .library(.results(query: "acetal", groups: [], total: 0)))
        #expect(render(app).lines[0].contains("0 hits in 0 episodes"))
    }

    @Test("r refreshes in the background: the list stays, progress shows, the end is said")
    func refresh() {
        let terminal = ScriptedTerminal(width: 100, height: 30, keys: "r")
        for _ in 0..<60 { terminal.send(.tick) }
        let services = RecordingServices()
        let app = AppState(.library(LibraryScreen(podcasts: host.podcasts())), width: 100, height: 30)
        let runner = AppRunner(state: app, terminal: terminal, services: services.services, library: host)
        var final = runner.run()
        var waited = 0
        while !terminal.lines.joined().contains("refreshed 2 podcasts") && waited < 100 {
            usleep(50_000)
            terminal.send(.tick)
            final = runner.run()
            waited += 1
        }
        #expect(terminal.lines.last!.contains("refreshed 2 podcasts: 0 new episodes"))
        #expect(final.screens.count == 1)
    }

    @Test("a adds a feed from a prompt; d removes a podcast after y")
    func addAndRemove() throws {
        let third = generated.root.appendingPathComponent("third.xml")
        try FileManager.default.copyItem(at: generated.site.appendingPathComponent("feeds/show-01.xml"), to: third)
        let xml = try String(contentsOf: third, encoding: .utf8).replacingOccurrences(of: "../transcripts", with: generated.site.path + "/transcripts")
        try xml.write(to: third, atomically: true, encoding: .utf8)
        let (added, terminal) = run("a" + third.path + "<Enter>")
        guard case .library(let library) = added.top else { return }
        #expect(library.podcasts.count == 3)
        #expect(terminal.lines.last!.contains("added "))
        let (removed, removing) = run("Gdy")
        guard case .library(let after) = removed.top else { return }
        #expect(after.podcasts.count == 2)
        #expect(removing.drawn.contains { $0.lines.last!.contains("stop following") })
        let (kept, _) = run("Gdn")
        guard case .library(let still) = kept.top else { return }
        #expect(still.podcasts.count == 2)
    }
}
