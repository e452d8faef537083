import Testing
@testable import ReaderUI
@testable import EpisodeKit

/// Messages a person can read, acting on the focused pane, and search
/// results that explain themselves.
@Suite("Messages, actions and results")
struct ActionTests {
    let sample = ReaderFixture.state(width: 80, height: 24)

    @Test("a warning longer than the status line wraps onto the row above; three problems are all in :messages")
    func longWarning() {
        var state = sample
        let problems = [
            "/home/ana/.config/podread/config.toml: keys.lineDown: \"Ctrl-J\" is not a key name (names are j, C-d, Enter, PgDn); using the default",
            "/home/ana/.config/podread/config.toml: colors.accent: expected one of red, green, yellow, blue; using the default",
            "transcript: 42: cue timing \"00:01:xx.000 --> 00:01:05.000\" is not a time; 3 cues skipped",
        ]
        _ = update(&state, .start(StartRequest(notices: problems)))
        let screen = rows(state)
        #expect(screen[22].hasPrefix(" /home/ana/.config/podread/config.toml: keys.lineDown:"))
        #expect(screen[23].contains("using the default"))
        #expect(screen[23].contains("(+2 more: M)"))
        update(&state, keys: "j")
        #expect(!rows(state).joined().contains("config.toml"))
        update(&state, keys: ":messages<Enter>")
        let listed = rows(state).joined(separator: "\n")
        #expect(listed.contains("Messages (3)"))
        #expect(listed.contains("keys.lineDown"))
        #expect(listed.contains("colors.accent"))
        #expect(listed.contains("3 cues skipped"))
        update(&state, keys: "<Esc>M")
        #expect(state.mode == .messages(scroll: 2))
    }

    @Test("y in the reading pane copies the item as a quote of the episode; in the shownotes, the paragraph")
    func copyItems() {
        var state = sample
        guard case .copyQuote(let reading, _)? = update(&state, keys: "<Tab><Tab>Gy").first else {
            Issue.record("y in the reading pane copied nothing")
            return
        }
        #expect(reading.text == ReaderFixture.sample.reading[2].text.collapsingWhitespace())
        #expect(reading.episodeTitle == ReaderFixture.sample.title)
        #expect(reading.timestamp.isEmpty)
        #expect(QuoteFormat.plain.format(reading).contains(ReaderFixture.sample.title))
        guard case .copyQuote(let notes, _)? = update(&state, keys: "<S-Tab>jy").first else {
            Issue.record("y in the shownotes copied nothing")
            return
        }
        #expect(notes.text.hasPrefix("North Korea should no longer be dismissed"))
        // v selects items there too.
        update(&state, keys: "gvj")
        #expect(rows(state).last!.hasPrefix(" -- SELECT -- 2 items"))
        guard case .copyQuote(let two, _)? = update(&state, keys: "y").first else {
            Issue.record("y copied no selection")
            return
        }
        #expect(two.segments.count == 2)
        // The transcript still copies lines with their timestamps.
        guard case .copyQuote(let line, _)? = update(&state, keys: "<S-Tab>y").first else { return }
        #expect(line.timestamp == "00:00:01")
    }

    @Test("o on a paragraph with three links offers them; Enter or a number opens one")
    func threeLinks() {
        var episode = ReaderFixture.sample
        episode.shownotes = "Sources: https://example.org/one, https://example.org/two and https://example.org/three."
        var state = ReaderFixture.state(width: 80, height: 24, episode: episode)
        #expect(update(&state, keys: "<Tab>jo").isEmpty)
        #expect(state.mode == .links(["https://example.org/one", "https://example.org/two", "https://example.org/three"], selected: 0))
        let screen = rows(state).joined(separator: "\n")
        #expect(screen.contains("Links (3)"))
        #expect(screen.contains("3 https://example.org/three"))
        #expect(update(&state, keys: "j<Enter>") == [.openLink("https://example.org/two")])
        #expect(update(&state, keys: "o3") == [.openLink("https://example.org/three")])
        #expect(update(&state, keys: "o<Esc>").isEmpty && state.mode == .normal)
    }

    @Test("o on a feed's shownotes paragraph offers the links its numbers refer to")
    func numberedLinks() {
        var episode = ReaderFixture.sample
        episode.title = "Numbered links"
        episode.shownotes = "• The report\u{00A0}[1]\n• Mike’s page\u{00A0}[2] and his book\u{00A0}[3]\n\n[1] https://example.org/r\n[2] https://example.org/m\n[3] https://example.org/b"
        var state = ReaderFixture.state(width: 80, height: 24, episode: episode)
        #expect(update(&state, keys: "<Tab>jo").isEmpty)
        #expect(state.mode == .links(["https://example.org/r", "https://example.org/m", "https://example.org/b"], selected: 0))
    }

    @Test("/ then Enter with nothing typed repeats the last search")
    func repeatSearch() {
        let state = sample.applying("/cyber<Enter>")
        #expect(state.applying("/<Enter>").position == state.applying("n").position)
        #expect(rows(state.applying("/<Enter>")).last!.hasPrefix(" cyber  2/20"))
    }

    @Test("the counter says what it counts: hits here and in the whole episode")
    func counter() {
        let state = sample.applying("/ballbach<Enter>")
        let status = rows(state).last!
        #expect(status.contains(" here · "))
        #expect(status.contains(" in all"))
        let list = rows(state.applying("&")).joined(separator: "\n")
        let count = state.resultEntries.count
        #expect(list.contains("Search results (\(count))"))
        #expect(status.contains("\(count) in all"))
    }

    @Test("the & list shows the text around the match, the match marked, and the field in full")
    func resultsList() {
        let state = sample.applying("/zeitenwende<Enter>&")
        let screen = render(state)
        let lines = screen.lines
        let line = try! #require(lines.firstIndex { $0.contains("recommended reading") })
        #expect(lines[line].contains("Zeitenwende"))
        let marked = (0..<screen.width).filter { screen[line, $0].style.bold }
            .map { screen[line, $0].text }.joined()
        #expect(marked.lowercased().contains("zeitenwende"))
        // A match far into a long text is shown, not cut off at the right.
        var long = ReaderFixture.sample
        long.title = "A long line"
        long.segments[3].text = String(repeating: "filler words go on and on ", count: 20) + "quokka at the end"
        let far = ReaderFixture.state(width: 80, height: 24, episode: long).applying("/quokka<Enter>&")
        #expect(rows(far).contains { $0.contains("quokka") && $0.contains("…") })
        // Fuzzy hits are marked with the word they matched.
        let fuzzy = rows(sample.applying("/baalbakh<Enter>&")).joined()
        #expect(fuzzy.contains("≈ "))
        // And in the status line, for a line found only by a similar word.
        let mixed = sample.applying("/ballbach<Enter>")
        let fuzzyLine = try! #require(mixed.search?.results.locations().first { $0.fuzzy && $0.field == .transcript })
        let onIt = mixed.applying("\(fuzzyLine.item + 1)G")
        #expect(rows(onIt).last!.contains("≈ "))
    }

    @Test("help scrolls with a pane's keys: G to the end, g back")
    func helpScrolls() {
        let help = sample.applying("?")
        #expect(!rows(help).joined().contains("a later search"))
        let end = help.applying("G")
        #expect(rows(end).joined().contains("a later search"))
        #expect(end.applying("g") .mode == .help(scroll: 0))
        #expect(help.applying("<C-d>").mode != .help(scroll: 0))
        #expect(help.applying("<PgDn>").mode != .help(scroll: 0))
    }

    @Test("hints and messages name the keys as bound in config.toml")
    func remappedHints() {
        var settings = ReaderSettings()
        settings.keymap.bindings[.character("/")] = nil
        settings.keymap.bindings[.character("s")] = .search
        settings.keymap.bindings[.character("?")] = nil
        settings.keymap.bindings[.function(1)] = .help
        let state = ReaderState(episode: ReaderFixture.sample, index: ReaderFixture.sampleIndex, width: 80, height: 24, settings: settings)
        let status = rows(state).last!
        #expect(status.contains("s search"))
        #expect(status.contains("F1 help"))
        #expect(rows(state.applying("n")).last!.contains("press s to search"))
    }

    @Test("every press of < and > counts, ahead of the player's reports; volume and mute are shown")
    func playbackPresses() {
        var state = ReaderFixture.state(width: 100, height: 30)
        _ = update(&state, .clock(PlaybackReading(position: .zero, playing: true, speed: 1)))
        #expect(update(&state, keys: ">>>") .last == .player(.speed(1.3)))
        _ = update(&state, .clock(PlaybackReading(position: .zero, playing: true, speed: 1.1)))
        #expect(update(&state, keys: ">") == [.player(.speed(1.4))])
        #expect(update(&state, keys: "3<") == [.player(.speed(1.1))])
        update(&state, keys: "--")
        #expect(rows(state).last!.contains("volume 96%"))
        update(&state, keys: "m")
        #expect(rows(state).last!.contains("volume 96% (muted)"))
        // Audio longer than the transcript: its length is the one shown.
        _ = update(&state, .clock(PlaybackReading(position: .zero, playing: false, speed: 1, duration: TimeCode(milliseconds: 1_500_000))))
        #expect(rows(state)[0].contains("/ 00:25:00"))
    }

    @Test("an episode is finished when its last line is reached or its audio is heard to the end")
    func finished() {
        var state = ReaderFixture.state(width: 80, height: 24)
        #expect(!state.isFinished)
        _ = update(&state, .clock(PlaybackReading(position: TimeCode(milliseconds: 60_000), playing: true, speed: 1)))
        #expect(!state.isFinished)
        _ = update(&state, .clock(PlaybackReading(position: TimeCode(milliseconds: 1_152_000), playing: false, speed: 1, ended: true)))
        #expect(state.isFinished)
        #expect(ReaderFixture.state(width: 80, height: 24).applying("G").isFinished)
    }

    @Test("boxes over the panes clear their whole area, wide characters at their edges too")
    func overlayEdges() {
        let screen = render(ReaderFixture.state(width: 30, height: 12, episode: ReaderFixture.wide).applying("?"))
        for row in 2..<11 {
            let text = screen.text(row: row)
            #expect(!text.contains("東") && !text.contains("京"), "row \(row): \(text)")
            // Every cell is whole: no continuation without its wide character.
            for column in 0..<screen.width where screen[row, column].isContinuation {
                #expect(column > 0 && DisplayWidth.of(Character(screen[row, column - 1].text)) == 2)
            }
        }
    }

    @Test("on a very wide terminal the transcript wraps at a readable measure, at the pane's left")
    func measure() {
        let state = ReaderFixture.state(width: 240, height: 30)
        let lines = rows(state).filter { $0.contains("00:00:04") }
        let text = try! #require(lines.first)
        let transcriptStart = try! #require(text.firstRange(of: "00:00:04")).upperBound
        #expect(text[transcriptStart...].dropLast().trimmingCharacters(in: .whitespaces).count <= 102)
        #expect(text.hasSuffix("│") || text.count == 240)
    }

    @Test("grapheme clusters are one cell each, as wide as Unicode makes them, never torn apart")
    func clusters() {
        var screen = Screen(width: 20, height: 1)
        let used = screen.write("👩‍👩‍👧|🎙️|🇩🇪|👍🏽|e\u{301}|", row: 0, column: 0)
        #expect(used == 14)
        #expect(screen[0, 0].text == "👩‍👩‍👧" && screen[0, 1].isContinuation && screen[0, 2].text == "|")
        #expect(screen[0, 3].text == "🎙️" && screen[0, 4].isContinuation && screen[0, 5].text == "|")
        #expect(screen[0, 6].text == "🇩🇪" && screen[0, 8].text == "|")
        #expect(screen[0, 9].text == "👍🏽" && screen[0, 11].text == "|")
        #expect(screen[0, 12].text == "e\u{301}" && screen[0, 13].text == "|")
    }

    @Test("a very small terminal gets the short title bar")
    func shortTitle() {
        let screen = rows(ReaderFixture.state(width: 24, height: 8))
        #expect(screen[0].contains("00:00:01"))
        #expect(!screen[0].contains("/ 00:19:12"))
    }
}
