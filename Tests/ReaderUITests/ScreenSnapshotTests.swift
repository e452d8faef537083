import Testing
@testable import ReaderUI
@testable import EpisodeKit

/// Whole screens, row by row, at the sizes people use.
@Suite("Rendered screens")
struct ScreenSnapshotTests {
    @Test("80×24: shownotes and reading beside the transcript from 00:00:01")
    func standard() {
        let screen = rows(ReaderFixture.state(width: 80, height: 24))
        #expect(screen == [
            " podread  Overlooked and underestimated: How North Korea …  00:00:01 / 00:19:12",
            "┌ Shownotes ─────────────┐┌ Transcript ────────────────────────────────────────┐",
            "│ Overlooked and         ││▌00:00:01  North Korea's recently revised           │",
            "│ underestimated: How    ││▌          constitution,                            │",
            "│ North Korea has become ││ 00:00:03  which boosts                             │",
            "│ a security threat to   ││ 00:00:04  King Jong-un as a nuclear authority and  │",
            "│ Europe                 ││           Pyongyang's continued support for        │",
            "│                        ││           Russia's war in Ukraine on display at    │",
            "│ North Korea should no  ││           Moscow's victory parade this year are but│",
            "│ longer be dismissed as ││           two warning signs that Europe has the    │",
            "│ a reclusive            ││           strategic blind spot about what it can no│",
            "│ authoritarian regime   ││           longer dismiss an obscure shut off       │",
            "└────────────────── 1/4 ─┘│           dictatorship.                            │",
            "┌ Recommended reading (3)┐│ 00:00:24  You're listening to the latest           │",
            "│ ▸ Eric J. Ballbach     ││ 00:00:25  podcast                                  │",
            "│   The K(orea)-Factor   ││ 00:00:26  from The German Institute for            │",
            "│   in the Zeitenwende.  ││           International and Security Affairs, or   │",
            "│   South Korea and the  ││           SWP for short here in Berlin.            │",
            "│   Rebuilding of        ││ 00:00:32  In today's episode we'll unpick North    │",
            "│   Germany’s Defence    ││           Korea's growing security threat to Europe│",
            "│   Industrial Base      ││           – ask why it appears to have gone        │",
            "│   SWP Comment 2026/C   ││           unnoticed?                               │",
            "└────────────────── 1/3 ─┘└──────────────────────────────────────────── 1/140 ─┘",
            "                                 / search · t time · Tab pane · ? help · q quit",
        ])
    }

    @Test("120×40: wider panes show people and whole reading items")
    func large() {
        let screen = rows(ReaderFixture.state(width: 120, height: 40))
        #expect(screen.count == 40)
        #expect(screen[0] == " podread  Overlooked and underestimated: How North Korea has become a security threat to Europe     00:00:01 / 00:19:12")
        #expect(screen[2] == "│ Overlooked and underestimated: How   ││▌00:00:01  North Korea's recently revised constitution,                       │")
        #expect(screen[16] == "│ Guest  Dr Eric Ballbach              ││ 00:00:43  I'm your host Esme Nicholson... ...and to discuss the nature of    │")
        #expect(screen[17] == "│        SWP’s Korea Foundation        ││           North Korea threats….                                              │")
        #expect(screen[21].hasPrefix("┌ Recommended reading (3) ─────────────┐"))
        #expect(screen[28] == "│   28 Jan 2026                        ││           of today is not the North Korean of two thousand eighteen, two     │")
        #expect(screen[39] == "                                                                         / search · t time · Tab pane · ? help · q quit")
    }

    @Test("40×12: one pane at a time with tabs")
    func narrow() {
        let screen = rows(ReaderFixture.state(width: 40, height: 12))
        #expect(screen == [
            " Overlooked and u…  00:00:01 / 00:19:12",
            " Transcript ▸ Shownotes ▸ Reading",
            "▌00:00:01  North Korea's recently",
            "▌          revised constitution,",
            " 00:00:03  which boosts",
            " 00:00:04  King Jong-un as a nuclear",
            "           authority and Pyongyang's",
            "           continued support for",
            "           Russia's war in Ukraine on",
            "           display at Moscow's victory",
            "           parade this year are but two",
            "             / search · t time · ? help",
        ])
    }

    @Test("20×5: too small, said plainly")
    func tooSmall() {
        #expect(rows(ReaderFixture.state(width: 20, height: 5)) == [" podread: terminal", " too small (20×5)", "", "", ""])
        #expect(rows(ReaderFixture.state(width: 10, height: 3)) == [" podread:", " too small", ""])
    }

    @Test("CJK, emoji and combining characters take their real widths and never spill")
    func wideCharacters() {
        let screen = render(ReaderFixture.state(width: 80, height: 12, episode: ReaderFixture.wide))
        #expect(screen.lines == [
            " podread  東京 podcast 🎙️ Café                              00:00:01 / 00:00:09",
            "┌ Shownotes ─────────────┐┌ Transcript ────────────────────────────────────────┐",
            "│ 東京 podcast 🎙️ Café   ││           Aiko Tanaka                              │",
            "│                        ││▌00:00:01  東京で会いましょう。漢字が二つずつ幅を取 │",
            "│ Notes with 漢字 and    ││▌          ります。                                 │",
            "│ emoji 🎙️ and é.        ││           Bo Chen                                  │",
            "│                        ││ 00:00:05  Emoji 🎙️🎧 and café with combining marks.│",
            "│ Host   Aiko Tanaka     ││ 00:00:09  Plain line after them.                   │",
            "│                        ││                                                    │",
            "│                        ││                                                    │",
            "└────────────────── 1/3 ─┘└────────────────────────────────────────────── 1/3 ─┘",
            "                                 / search · t time · Tab pane · ? help · q quit",
        ])
        // Two CJK characters fill four cells; the wide character that would
        // cross the border is left out whole (a space instead of half).
        #expect(screen[3, 38].text == "東" && screen[3, 39].isContinuation)
        #expect(screen[3, 40].text == "京" && screen[3, 41].isContinuation)
        #expect(screen[3, 76].text == "取" && screen[3, 78].text == " " && screen[3, 79].text == "│")
        // The combining accent stays with its letter in one cell.
        #expect((0..<80).contains { screen[6, $0].text == "e\u{0301}" })
    }

    @Test("escape sequences in an episode are shown as visible placeholders, never sent")
    func hostileText() {
        let screen = render(ReaderFixture.state(width: 80, height: 12, episode: ReaderFixture.hostile))
        #expect(screen.lines[2] == "│ Evil ␛]0;owned␇ title  ││▌00:00:01  Move ␛[10;10H cursor and �31m C1 and     │")
        #expect(screen.lines[4] == "│ Clear ␛[2J screen and  ││ 00:00:02  Link ␛]8;;http://x␛\\here␛]8;;␛\\ DCS      │")
        let controls = screen.cells.flatMap(\.text.unicodeScalars).filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }
        #expect(controls.isEmpty)
    }

    @Test("writing stops at a limit without half characters")
    func clipping() {
        var screen = Screen(width: 10, height: 1)
        let used = screen.write("ab東京", row: 0, column: 0, limit: 5)
        #expect(used == 5)
        #expect(screen.text(row: 0) == "ab東      ")
        #expect(screen[0, 4].text == " ")
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("🎧") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }
}

@Suite("Odd times")
struct OddTimeTests {
    @Test("absurd timestamps widen the gutter instead of running into the text")
    func absurd() {
        let episode = Episode(title: "Odd", segments: [
            Segment(index: 0, start: TimeCode(milliseconds: 5_000), text: "early"),
            Segment(index: 1, start: TimeCode(milliseconds: 99_999 * 3_600_000), text: "absurdly late"),
            Segment(index: 2, start: TimeCode(milliseconds: 1_000), text: "backwards"),
        ], format: .text).resolvingEnds()
        var state = ReaderFixture.state(width: 80, height: 10, episode: episode)
        update(&state, keys: "G")
        let screen = rows(state)
        #expect(screen.contains { $0.contains("99999:00:00  absurdly late") })
        #expect(screen.contains { $0.contains("00:00:05     early") })
        // Jumping still works with times out of order.
        update(&state, keys: "t0:03<Enter>")
        #expect(state.currentSegment == 2)
    }
}

@Suite("Wrapping")
struct WrapTests {
    @Test("the ASCII path wraps exactly as the general one", arguments: [1, 3, 7, 12, 40])
    func agree(width: Int) {
        var generator = SystemRandomNumberGenerator()
        let words = ["a", "North", "Korea's", "twenty-twenty", "cyber", "x", "supercalifragilistic", "of", "(a)", "end."]
        for _ in 0..<300 {
            let count = Int.random(in: 0...14, using: &generator)
            var text = (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            if Bool.random(using: &generator) { text = " " + text }
            if Bool.random(using: &generator) { text += "  " }
            #expect(TextWrap.wrap(text, width: width) == TextWrap.wrapCharacters(text, width: width), "\(text)")
        }
    }
}

@Suite("Transcript rows on demand")
struct TranscriptRowsTests {
    @Test("counting lines agrees with wrapping them", arguments: [1, 2, 5, 9, 30])
    func counts(width: Int) {
        var generator = SystemRandomNumberGenerator()
        let words = ["a", "North", "Korea's", "supercalifragilistic", "x", "東京", "café", "e\u{301}", "🎙️", "tab\there", ""]
        for _ in 0..<400 {
            let count = Int.random(in: 0...16, using: &generator)
            var text = (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : "  ")
            if Bool.random(using: &generator) { text = " " + text + " " }
            #expect(TextWrap.lineCount(text, width: width) == TextWrap.wrap(text, width: width).count, "\(text)")
        }
    }

    @Test("rows asked for one at a time are the rows asked for together, and each belongs to its entry", arguments: [20, 37, 80, 200])
    func rows(width: Int) throws {
        var episode = ReaderFixture.sample
        episode.chapters = [Chapter(start: .zero, title: "Opening"), Chapter(start: TimeCode(milliseconds: 300_000), title: "Middle")]
        // One line longer than many screens, to pass through the cache.
        episode.segments[5].text = Array(repeating: "a very long line indeed", count: 400).joined(separator: " ")
        let document = PaneLayout.transcript(episode, timeline: SegmentTimeline(segments: episode.segments), width: width)
        let all = document.rows(0..<document.rowCount)
        #expect(all.count == document.rowCount)
        for index in stride(from: 0, to: document.rowCount, by: 7) {
            #expect(document.row(index) == all[index])
            let window = document.rows(index..<(index + 13))
            #expect(window == Array(all[index..<min(index + 13, all.count)]))
        }
        for (entry, first) in document.firstRow.enumerated() {
            let text = try #require(all[first...].first { $0.entry != nil })
            #expect(text.entry == entry)
            #expect(document.entry(atRow: first) == entry)
            #expect(document.entry(atRow: document.lastRow(of: entry)) == entry)
        }
        #expect(all.contains { $0.spans.contains { $0.role == .chapter && $0.text.contains("Middle") } })
        #expect(document.rows(document.rowCount..<(document.rowCount + 5)).isEmpty)
    }
}

@Suite("A million lines in the reader", .timeLimit(.minutes(1)))
struct MillionLinesTests {
    @Test("a million lines: laid out, drawn, moved through, jumped in, and searched once the index comes")
    func millionLines() throws {
        let words = ["north", "korea", "security", "strategy", "europe", "cyber", "sanctions", "missile"]
        var segments: [Segment] = []
        segments.reserveCapacity(1_000_000)
        // A few texts shared by all the lines: building a million strings is not what is tested.
        let texts = (0..<8).map { first in (0..<8).map { words[(first &* 7 &+ $0 &* 3) % words.count] }.joined(separator: " ") }
        for index in 0..<1_000_000 {
            segments.append(Segment(index: index, start: TimeCode(milliseconds: index * 1000), text: index == 999_999 ? "zanzibar at the end" : texts[index % 8]))
        }
        let episode = Episode(title: "A million lines", segments: segments, format: .text).resolvingEnds()
        var state = ReaderState(episode: episode, width: 120, height: 40, indexLater: true)
        let document = state.documents[.transcript]
        #expect(document.entryCount == 1_000_000)
        #expect(document.rowCount >= 1_000_000)
        #expect(render(state).text(row: 2).contains("00:00:00"))
        update(&state, keys: "G")
        #expect(state.currentSegment == 999_999)
        let end = render(state)
        #expect((0..<40).contains { end.text(row: $0).contains("▌277:46:39  zanzibar at the end") })
        update(&state, keys: "t138:53:20<Enter>")
        #expect(state.position.formatted == "138:53:20")
        update(&state, keys: "g/zanzibar")
        #expect(state.pendingSearch != nil)
        _ = update(&state, .host(.indexReady(IndexHandle(SearchIndex(episodes: [episode])))))
        #expect(state.currentSegment == 999_999)
        update(&state, keys: "<Enter>")
        #expect(render(state).text(row: 39).hasPrefix(" zanzibar  1/1"))
    }
}
