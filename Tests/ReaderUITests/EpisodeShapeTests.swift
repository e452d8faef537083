import Testing
@testable import ReaderUI
@testable import EpisodeKit

/// Panes that fit what an episode has: a bare transcript, a feed episode
/// whose transcript failed, an episode of chapters alone.
@Suite("Panes that fit the episode")
struct EpisodeShapeTests {
    static let bareTranscript = Episode(title: "talk", segments: [
        Segment(index: 0, start: TimeCode(milliseconds: 0), text: "Hello and welcome."),
        Segment(index: 1, start: TimeCode(milliseconds: 4000), text: "Today we talk about rivers."),
    ], format: .webVTT).resolvingEnds()

    static let failedFeedEpisode: Episode = {
        var episode = Episode(title: "Episode 54: Social Media", podcast: "Deep Currents",
                              shownotes: "Mike Neumann joins us.\n\nLinks: https://example.org/a and https://example.org/b",
                              people: [Person(name: "Mike Neumann", role: .guest)], format: .rss)
        episode.transcriptProblem = "https://example.org/54.vtt: the server answered 404"
        episode.statedDuration = TimeCode(milliseconds: 3_600_000)
        return episode
    }()

    static let chaptersOnly: Episode = {
        var episode = Episode(title: "Chapters alone", shownotes: "An episode with chapters.", format: .podcastJSON)
        episode.chapters = (0..<10).map { Chapter(start: TimeCode(milliseconds: $0 * 60_000), title: "Part \($0 + 1): topic \(["rivers", "lakes", "seas", "ice", "rain", "fog", "snow", "dew", "hail", "mist"][$0])") }
        return episode
    }()

    @Test("a bare transcript file is read at full width, with no empty panes beside it")
    func bare() {
        let state = ReaderState(episode: Self.bareTranscript, width: 80, height: 12)
        let screen = rows(state)
        #expect(screen[1].hasPrefix("┌ Transcript ─"))
        #expect(screen[1].hasSuffix("┐") && screen[1].count == 80)
        #expect(!screen.joined().contains("Shownotes"))
        #expect(!screen.joined().contains("No recommended reading"))
        #expect(state.applying("<Tab>").focus == .transcript)
    }

    @Test("a feed episode whose transcript failed gives the wide pane to the shownotes, and the transcript pane says why")
    func failed() {
        let state = ReaderState(episode: Self.failedFeedEpisode, width: 100, height: 20)
        #expect(state.focus == .shownotes)
        let screen = rows(state)
        #expect(screen[1].contains("┌ Transcript") && screen[1].contains("┌ Shownotes"))
        #expect(screen[1].firstRange(of: "Transcript")!.lowerBound < screen[1].firstRange(of: "Shownotes")!.lowerBound)
        let text = screen.joined(separator: " ")
        #expect(text.contains("The transcript could not be"))
        #expect(text.contains("404"))
        #expect(screen[0].contains("00:00:00 / 01:00:00"))
        // One pane at a time: the reader opens on the pane with content.
        let narrow = rows(ReaderState(episode: Self.failedFeedEpisode, width: 50, height: 12))
        #expect(narrow[2].contains("Episode 54: Social Media"))
    }

    @Test("an unknown duration says so")
    func unknownDuration() {
        let episode = Episode(title: "No times", shownotes: "Just notes.", format: .rss)
        #expect(rows(ReaderState(episode: episode, width: 80, height: 12))[0].hasSuffix("00:00:00 / unknown"))
    }

    @Test("chapters alone are the transcript's lines: ], [, c, t, search and the title bar work on them")
    func chapters() {
        var state = ReaderState(episode: Self.chaptersOnly, width: 80, height: 24)
        let screen = rows(state)
        #expect(screen.contains { $0.contains("▌00:00:00  Part 1: topic rivers") })
        #expect(!screen.joined().contains("── Part"))
        update(&state, keys: "]")
        #expect(state.position.formatted == "00:01:00")
        #expect(rows(state).last!.contains("chapter 2/10: Part 2: topic lakes"))
        update(&state, keys: "]]")
        #expect(state.position.formatted == "00:03:00")
        update(&state, keys: "[")
        #expect(state.position.formatted == "00:02:00")
        update(&state, keys: "t5:30<Enter>")
        #expect(state.position.formatted == "00:05:00")
        update(&state, keys: "/fog<Enter>")
        #expect(state.position.formatted == "00:05:00")
        #expect(rows(state).last!.hasPrefix(" fog  1/1"))
        update(&state, keys: "c")
        #expect(rows(state).contains { $0.contains("00:09:00  Part 10: topic mist") })
    }

    @Test("the title bar names the chapter playing; [ and ] say where they went")
    func chapterInTitle() {
        var episode = ReaderFixture.sample
        episode.chapters = [Chapter(start: .zero, title: "Intro"), Chapter(start: TimeCode(milliseconds: 480_000), title: "Cyber threats")]
        var state = ReaderFixture.state(width: 100, height: 30, episode: episode)
        #expect(rows(state)[0].contains("§ Intro"))
        update(&state, keys: "]")
        #expect(rows(state)[0].contains("§ Cyber threats"))
        #expect(rows(state).last!.contains("chapter 2/2: Cyber threats"))
        update(&state, keys: "]")
        #expect(rows(state).last!.contains("no chapter after this one"))
    }

    @Test("reopening says where it resumed")
    func resumed() {
        var state = ReaderFixture.state(width: 80, height: 24)
        _ = update(&state, .start(StartRequest(time: TimeCode(milliseconds: 96_000), resumed: true)))
        #expect(rows(state).last!.contains("resumed at 00:01:36"))
    }
}
