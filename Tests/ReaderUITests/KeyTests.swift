import Testing
@testable import ReaderUI
@testable import EpisodeKit

/// Key strings applied to the sample, as a person would type them.
@Suite("Keys")
struct KeyTests {
    private func state(_ keys: String, width: Int = 80, height: Int = 24) -> ReaderState {
        var state = ReaderFixture.state(width: width, height: height)
        update(&state, keys: keys)
        return state
    }

    private func time(_ state: ReaderState) -> String { state.position.formatted }

    @Test("j and k move a line; g and G go to the ends", arguments: [
        ("j", "00:00:03"), ("jj", "00:00:04"), ("jjk", "00:00:03"), ("<Down><Down><Up>", "00:00:03"),
        ("G", "00:19:12"), ("Gg", "00:00:01"), ("<End>", "00:19:12"), ("G<Home>", "00:00:01"), ("k", "00:00:01"),
    ])
    func lines(keys: String, expected: String) {
        #expect(time(state(keys)) == expected)
    }

    @Test("half pages and pages move by screen rows, and the current line stays in view")
    func pages() {
        let half = state("<C-d>")
        let page = state("<C-f>")
        #expect(half.position > state("").position)
        #expect(page.position > half.position)
        #expect(time(state("<C-f><C-b>")) == "00:00:01")
        #expect(time(state("<PgDn><PgUp>")) == "00:00:01")
        #expect(time(state("<C-d><C-u>")) == "00:00:01")
        for keys in ["<C-d>", "<C-f><C-f>", "G", "<C-f>b"] {
            let moved = state(keys)
            let screen = rows(moved)
            #expect(screen.contains { $0.contains("▌" + moved.position.formatted) }, "keys \(keys)")
        }
    }

    @Test("/cyber then Enter goes to the first hit at 00:00:47 and shows the counter; n goes to 00:08:20")
    func search() {
        let found = state("/cyber<Enter>")
        #expect(time(found) == "00:00:47")
        #expect(rows(found).last!.hasPrefix(" cyber  1/20"))
        let next = state("/cyber<Enter>n")
        #expect(time(next) == "00:08:20")
        #expect(rows(next).last!.hasPrefix(" cyber  2/20"))
        #expect(time(state("/cyber<Enter>nN")) == "00:00:47")
    }

    @Test("search runs as you type and Esc returns to where you were")
    func incremental() {
        var typing = ReaderFixture.state(width: 80, height: 24)
        update(&typing, keys: "jj/sanct")
        #expect(time(typing) == "00:06:04")
        #expect(rows(typing).last!.hasPrefix(" /sanct█"))
        update(&typing, keys: "<Esc>")
        #expect(time(typing) == "00:00:04")
        #expect(typing.search == nil)
    }

    @Test("a search typed while the index is still being built runs when it arrives")
    func indexLater() {
        var waiting = ReaderState(episode: ReaderFixture.sample, width: 80, height: 24, indexLater: true)
        update(&waiting, keys: "/cyber")
        #expect(waiting.search == nil)
        #expect(time(waiting) == "00:00:01")
        #expect(rows(waiting).last!.hasPrefix(" /cyber█"))
        #expect(rows(waiting).last!.contains("indexing…"))
        update(&waiting, keys: "<Enter>")
        #expect(rows(waiting).last!.hasPrefix(" cyber  indexing…"))
        _ = update(&waiting, .host(.indexReady(IndexHandle(ReaderFixture.sampleIndex))))
        #expect(time(waiting) == "00:00:47")
        #expect(rows(waiting).last!.hasPrefix(" cyber  1/20"))

        // Cancelled before the index came: nothing runs.
        var cancelled = ReaderState(episode: ReaderFixture.sample, width: 80, height: 24, indexLater: true)
        update(&cancelled, keys: "/cyber<Esc>")
        _ = update(&cancelled, .host(.indexReady(IndexHandle(ReaderFixture.sampleIndex))))
        #expect(cancelled.search == nil)
        #expect(time(cancelled) == "00:00:01")

        // Still typing when it came: the search follows the prompt.
        var typing = ReaderState(episode: ReaderFixture.sample, width: 80, height: 24, indexLater: true)
        update(&typing, keys: "/sanc")
        _ = update(&typing, .host(.indexReady(IndexHandle(ReaderFixture.sampleIndex))))
        #expect(time(typing) == "00:06:04")
        #expect(rows(typing).last!.hasPrefix(" /sanc█"))
    }

    @Test("hits are highlighted in every pane")
    func highlighting() {
        let found = state("/ballbach<Enter>")
        let screen = render(found)
        let reversed = (0..<screen.height).flatMap { row in (0..<screen.width).filter { screen[row, $0].style.reverse }.map { (row, $0) } }
        let text = reversed.map { screen[$0.0, $0.1].text }.joined()
        #expect(text.contains("Ballbach"))
        #expect(reversed.contains { $0.1 < 26 && $0.0 > 13 }) // in the reading pane
    }

    @Test("n wraps with a message; N wraps backwards")
    func wrapping() {
        let wrapped = state("/sanct<Enter>nnn")
        #expect(time(wrapped) == "00:06:04")
        #expect(rows(wrapped).last!.contains("search hit BOTTOM, continuing at TOP"))
        let back = state("/sanct<Enter>N")
        #expect(time(back) == "00:15:01")
        #expect(rows(back).last!.contains("search hit TOP, continuing at BOTTOM"))
    }

    @Test("↑ and ↓ in the prompt recall earlier searches")
    func history() {
        let recalled = state("/cyber<Enter>/sanct<Enter>/<Up><Up>")
        guard case .prompt(let prompt) = recalled.mode else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.text == "cyber")
        // From the last line, the recalled search wraps to its first hit.
        #expect(time(state("/cyber<Enter>G/<Up><Enter>")) == "00:00:47")
    }

    @Test("a word with only fuzzy hits says which words were found")
    func fuzzyOnly() {
        let found = state("/baalbakh<Enter>")
        #expect(rows(found).last!.contains("only similar words: "))
    }

    @Test("not found is a message and no move")
    func notFound() {
        let missing = state("j/zzzyzx<Enter>")
        #expect(time(missing) == "00:00:03")
        #expect(rows(missing).last!.contains("not found: zzzyzx"))
    }

    @Test("t jumps to every form of the time grammar", arguments: [
        ("t12:31<Enter>", "00:12:31"), ("t751<Enter>", "00:12:31"), ("t12m31s<Enter>", "00:12:31"),
        ("t00:12:32<Enter>", "00:12:31"), ("t12:31<Enter>t+30s<Enter>", "00:12:36"), ("t12:31<Enter>t-1m<Enter>", "00:11:24"),
        ("t1h<Enter>", "00:19:12"), (":12:31<Enter>", "00:12:31"), ("t0<Enter>", "00:00:01"),
    ])
    func jump(keys: String, expected: String) {
        #expect(time(state(keys)) == expected)
    }

    @Test("an invalid time is a message and no move")
    func invalidTime() {
        let wrong = state("jt12:61<Enter>")
        #expect(time(wrong) == "00:00:03")
        #expect(rows(wrong).suffix(2).joined().contains("\"12:61\" is not a time"))
    }

    @Test("the current line stays in view after a jump and after resizing")
    func resize() {
        var jumped = state("t12:31<Enter>")
        #expect(rows(jumped).contains { $0.contains("▌00:12:31") })
        for (width, height) in [(40, 12), (120, 40), (61, 8), (100, 30)] {
            _ = update(&jumped, .resize(width: width, height: height))
            #expect(rows(jumped).contains { $0.contains("▌00:12:31") }, "at \(width)×\(height)")
        }
    }

    @Test("Tab and Shift-Tab move between panes; narrow screens show one pane")
    func panes() {
        #expect(state("<Tab>").focus == .shownotes)
        #expect(state("<Tab><Tab>").focus == .reading)
        #expect(state("<Tab><Tab><Tab>").focus == .transcript)
        #expect(state("<S-Tab>").focus == .reading)
        let narrow = rows(state("<Tab><Tab>", width: 40, height: 12))
        #expect(narrow[2].contains("▸ Eric J. Ballbach"))
    }

    @Test("& lists every hit and Enter jumps there")
    func results() {
        var listing = state("/sanct<Enter>&")
        #expect(rows(listing).contains { $0.contains("Search results (3)") })
        update(&listing, keys: "jj<Enter>")
        #expect(time(listing) == "00:15:01")
        let empty = state("/zzzyzx<Enter>&")
        #expect(empty.mode == .normal)
        #expect(rows(empty).last!.contains("not found: zzzyzx"))
    }

    @Test("? shows every binding")
    func help() {
        // Every binding of every context, paging through the help as a person would.
        var paging = state("?", width: 100, height: 60)
        var help = rows(paging).joined(separator: "\n")
        for _ in 0..<5 {
            update(&paging, keys: "<PgDn>")
            help += rows(paging).joined(separator: "\n")
        }
        for action in Action.allCases { #expect(help.contains(action.summary), "\(action)") }
        #expect(state("?<Esc>").mode == .normal)
    }

    @Test("q and Ctrl-C quit")
    func quit() {
        var state = ReaderFixture.state(width: 80, height: 24)
        #expect(update(&state, keys: "q") == [.quit])
        #expect(update(&state, keys: "<C-c>") == [.quit])
        #expect(update(&state, keys: ":q<Enter>") == [.quit])
    }

    @Test("o on a reading item with a link asks to open it")
    func openLink() {
        var episode = ReaderFixture.sample
        episode.reading[0].url = "https://www.swp-berlin.org/10.18449/2026C04/"
        var state = ReaderFixture.state(width: 80, height: 24, episode: episode)
        #expect(update(&state, keys: "<Tab><Tab>o") == [.openLink("https://www.swp-berlin.org/10.18449/2026C04/")])
        #expect(update(&state, keys: "Go").isEmpty)
        #expect(rows(state).last!.contains("no link here"))
    }

    @Test("a click focuses a pane and selects a line; the wheel scrolls the pane under the pointer")
    func mouse() {
        var state = ReaderFixture.state(width: 80, height: 24)
        _ = update(&state, .mouse(MouseEvent(kind: .click, row: 5, column: 40)))
        #expect(state.focus == .transcript)
        #expect(time(state) == "00:00:04")
        _ = update(&state, .mouse(MouseEvent(kind: .click, row: 15, column: 5)))
        #expect(state.focus == .reading)
        _ = update(&state, .mouse(MouseEvent(kind: .wheelDown, row: 10, column: 40)))
        #expect(state.panes[.transcript].top == 3)
        _ = update(&state, .mouse(MouseEvent(kind: .wheelUp, row: 10, column: 40)))
        #expect(state.panes[.transcript].top == 0)
    }

    @Test("chapters: ] and [ step, c lists them, Enter jumps, titles head their segments")
    func chapters() {
        var episode = ReaderFixture.sample
        episode.chapters = [
            Chapter(start: TimeCode(milliseconds: 0), title: "Intro"),
            Chapter(start: TimeCode(milliseconds: 480_000), title: "Cyber"),
            Chapter(start: TimeCode(milliseconds: 600_000), title: "Sponsor", inTableOfContents: false),
            Chapter(start: TimeCode(milliseconds: 900_000), title: "Outlook"),
        ]
        var state = ReaderFixture.state(width: 80, height: 24, episode: episode)
        func segmentStart(_ milliseconds: Int) -> String {
            episode.segments[state.timeline.segmentIndex(at: TimeCode(milliseconds: milliseconds))!].start.formatted
        }
        update(&state, keys: "]")
        #expect(time(state) == segmentStart(480_000))
        #expect(rows(state).contains { $0.contains("── Cyber") })
        update(&state, keys: "]")
        #expect(time(state) == segmentStart(600_000))
        update(&state, keys: "]")
        #expect(time(state) == segmentStart(900_000))
        update(&state, keys: "]")
        #expect(time(state) == segmentStart(900_000))
        update(&state, keys: "[[")
        #expect(time(state) == segmentStart(480_000))
        update(&state, keys: "c")
        let contents = rows(state)
        #expect(contents.contains { $0.contains("00:15:00  Outlook") })
        #expect(!contents.contains { $0.contains("Sponsor") })
        update(&state, keys: "G<Enter>")
        #expect(time(state) == segmentStart(900_000))
        var plain = ReaderFixture.state(width: 80, height: 24)
        update(&plain, keys: "]")
        #expect(rows(plain).last!.contains("this episode has no chapters"))
    }
}

@Suite("Selecting and copying")
struct SelectionTests {
    @Test("y copies the current line; v and movement select several; Y cycles the format; Esc ends")
    func copy() {
        var state = ReaderFixture.state(width: 80, height: 24)
        update(&state, keys: "t12:31<Enter>")
        guard case .copyQuote(let one, let format)? = update(&state, keys: "y").first else {
            Issue.record("y asked for no copy")
            return
        }
        #expect(one.timestamp == "00:12:31" && format == .plain)
        update(&state, keys: "vjj")
        #expect(rows(state).last!.hasPrefix(" -- SELECT -- 3 lines 00:12:31–00:13:07  (plain)"))
        #expect(rows(state).filter { $0.contains("┃") }.count >= 2)
        update(&state, keys: "Y")
        guard case .copyQuote(let three, let markdown)? = update(&state, keys: "y").first else {
            Issue.record("y asked for no copy")
            return
        }
        #expect(three.segments.count == 3 && markdown == .markdown)
        #expect(state.selectionAnchor == nil)
        update(&state, keys: "vk<Esc>")
        #expect(state.selectionAnchor == nil)
        guard case .copyQuote(let single, _)? = update(&state, keys: "y").first else { return }
        #expect(single.segments.count == 1)
    }
}

@Suite("Playback in the reader")
struct PlaybackKeyTests {
    private func reading(_ milliseconds: Int, playing: Bool = true, speed: Double = 1) -> InputEvent {
        .clock(PlaybackReading(position: TimeCode(milliseconds: milliseconds), playing: playing, speed: speed))
    }

    @Test("Space plays from the current line; the clock moves the highlighted line and the title bar")
    func follow() {
        var state = ReaderFixture.state(width: 100, height: 30)
        update(&state, keys: "t12:31<Enter>")
        #expect(update(&state, keys: " ") == [.player(.play(from: TimeCode(milliseconds: 751_000)))])
        _ = update(&state, reading(752_000))
        #expect(rows(state)[0].contains("▶ 00:12:32 / 00:19:12"))
        _ = update(&state, reading(757_500))
        #expect(state.position.formatted == "00:12:37")
        #expect(rows(state).contains { $0.contains("▌00:12:36") })
        #expect(update(&state, keys: " ") == [.player(.pause)])
        _ = update(&state, reading(758_000, playing: false))
        #expect(rows(state)[0].contains("⏸ 00:12:36 / 00:19:12"))
    }

    @Test("scrolling by hand detaches follow mode; f attaches again")
    func detach() {
        var state = ReaderFixture.state(width: 100, height: 30)
        _ = update(&state, reading(751_000))
        update(&state, keys: "g")
        #expect(!state.follow)
        #expect(rows(state).last!.contains("follow off: f follows the audio again"))
        _ = update(&state, reading(760_000))
        #expect(state.currentSegment == 0)
        update(&state, keys: "f")
        #expect(state.follow)
        #expect(rows(state).contains { $0.contains("▌00:12:36") })
    }

    @Test("seeking, speed, volume and t all reach the player", arguments: [
        ("l", PlayerCommand.seek(TimeCode(milliseconds: 756_000))), ("h", .seek(TimeCode(milliseconds: 746_000))),
        ("L", .seek(TimeCode(milliseconds: 781_000))), ("H", .seek(TimeCode(milliseconds: 721_000))),
        ("<Right>", .seek(TimeCode(milliseconds: 756_000))), ("<S-Left>", .seek(TimeCode(milliseconds: 721_000))),
        (">", .speed(1.1)), ("<", .speed(0.9)), ("-", .volume(-2)), ("+", .volume(2)), ("m", .mute),
        ("t00:00:20<Enter>", .seek(TimeCode(milliseconds: 20_000))), ("<Enter>", .play(from: TimeCode(milliseconds: 751_000))),
    ])
    func requests(keys: String, request: PlayerCommand) {
        var state = ReaderFixture.state(width: 100, height: 30)
        update(&state, keys: "t12:31<Enter>")
        _ = update(&state, reading(751_000))
        #expect(update(&state, keys: keys).contains(.player(request)))
    }

    @Test("speed shows in the title bar when it is not 1.0×, and stays within 0.5–3.0")
    func speed() {
        var state = ReaderFixture.state(width: 100, height: 30)
        _ = update(&state, reading(1_000, speed: 1.2))
        #expect(rows(state)[0].contains("▶ 00:00:01 / 00:19:12 1.2×"))
        _ = update(&state, reading(1_000, speed: 3.0))
        #expect(update(&state, keys: ">") == [.player(.speed(3.0))])
    }

    @Test("a problem from the player is shown and the reader carries on")
    func problem() {
        var state = ReaderFixture.state(width: 100, height: 30)
        _ = update(&state, .clock(PlaybackReading(position: .zero, playing: false, speed: 1, problem: "mpv stopped; the reader carries on without audio")))
        #expect(rows(state).last!.contains("mpv stopped"))
        update(&state, keys: "j")
        #expect(state.currentSegment == 1)
    }
}
