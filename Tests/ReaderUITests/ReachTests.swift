import Testing
@testable import ReaderUI
@testable import EpisodeKit

/// Long lines, counts and search hits: every row of an episode can be reached.
@Suite("Reaching every row")
struct ReachTests {
    /// Numbered words (`word001`…), so what has been on screen can be told apart.
    static func numberedWords(_ count: Int, from first: Int = 1) -> [String] {
        (first..<(first + count)).map { n in "word" + String(repeating: "0", count: 3 - String(n).count) + String(n) }
    }

    /// An episode whose second line is a paragraph of 2,400 characters (60
    /// rows at 80×24), as HTML transcripts have them.
    static let longParagraph: Episode = {
        var words = numberedWords(300)
        words[200] = "zanzibar"
        words[280] = "zanzibar"
        return Episode(title: "Long paragraphs", shownotes: "Notes.", segments: [
            Segment(index: 0, start: TimeCode(milliseconds: 1000), text: "A short opening line."),
            Segment(index: 1, start: TimeCode(milliseconds: 5000), text: words.joined(separator: " ")),
            Segment(index: 2, start: TimeCode(milliseconds: 90_000), text: "The line after the paragraph."),
            Segment(index: 3, start: TimeCode(milliseconds: 95_000), text: "And a last one with zanzibar."),
        ], format: .html).resolvingEnds()
    }()

    func state(_ keys: String = "", width: Int = 80, height: Int = 24, episode: Episode = longParagraph) -> ReaderState {
        var state = ReaderState(episode: episode, width: width, height: height)
        update(&state, keys: keys)
        return state
    }

    func words(on state: ReaderState) -> Set<String> {
        Set(rows(state).joined(separator: " ").split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    @Test("j scrolls a line taller than the pane a row at a time until its end shows, then steps on; k comes back up through it")
    func tallLine() {
        var state = state("j")
        #expect(state.currentSegment == 1)
        let visible = state.layout.contentHeight(of: .transcript)
        let document = state.documents[.transcript]
        #expect(document.lastRow(of: 1) - document.firstRow[1] + 1 > visible, "the paragraph is taller than the pane")
        var seen = words(on: state)
        var presses = 0
        while state.currentSegment == 1 && presses < 100 {
            update(&state, keys: "j")
            seen.formUnion(words(on: state))
            presses += 1
        }
        let all = Set(Self.longParagraph.segments[1].text.split(separator: " ").map(String.init))
        #expect(all.isSubset(of: seen), "never shown: \(all.subtracting(seen).sorted().prefix(5))")
        #expect(state.currentSegment == 2)
        #expect(presses == document.lastRow(of: 1) - document.firstRow[1] + 1 - visible + 1)
        // Going back up shows the paragraph's end first, then scrolls to its start.
        update(&state, keys: "k")
        #expect(state.currentSegment == 1)
        #expect(rows(state).joined().contains("word300"))
        while state.currentSegment == 1 { update(&state, keys: "k") }
        #expect(state.currentSegment == 0)
        #expect(rows(state).joined().contains("word001"))
    }

    @Test("C-d and PgDn scroll a tall line by rows and then move on; C-u comes back")
    func pagesThroughTallLine() {
        var state = state("j")
        let top = state.panes[.transcript].top
        let half = state.layout.contentHeight(of: .transcript) / 2
        update(&state, keys: "<C-d>")
        #expect(state.currentSegment == 1)
        #expect(state.panes[.transcript].top == top + half)
        var seen = ""
        while state.currentSegment == 1 {
            seen += rows(state).joined()
            update(&state, keys: "<C-d>")
        }
        #expect(seen.contains("word300"))
        #expect(state.currentSegment == 2)
        let bottomTop = state.panes[.transcript].top
        update(&state, keys: "<C-u>")
        #expect(state.currentSegment == 1)
        #expect(state.panes[.transcript].top == bottomTop - half)
        let paged = self.state("j<PgDn><PgDn><PgDn>")
        #expect(paged.currentSegment == 1)
        #expect(rows(paged).joined().contains("word300"))
    }

    @Test("a hit deep inside a tall line is brought into view at its row, and n steps to the next hit inside it")
    func hitInsideTallLine() {
        var state = state("/zanzibar<Enter>")
        #expect(state.currentSegment == 1)
        let screen = rows(state)
        #expect(screen.contains { $0.contains("zanzibar") && $0.contains("word20") })
        #expect(!screen.joined().contains("word001"))
        #expect(screen.last!.hasPrefix(" zanzibar  1/2"))
        update(&state, keys: "n")
        #expect(state.currentSegment == 1)
        #expect(rows(state).contains { $0.contains("zanzibar") && $0.contains("word28") })
        update(&state, keys: "n")
        #expect(state.currentSegment == 3)
        #expect(rows(state).last!.hasPrefix(" zanzibar  2/2"))
        // Back: the last hit inside the paragraph first.
        update(&state, keys: "N")
        #expect(state.currentSegment == 1)
        #expect(rows(state).contains { $0.contains("zanzibar") && $0.contains("word28") })
        update(&state, keys: "N")
        #expect(rows(state).contains { $0.contains("zanzibar") && $0.contains("word20") })
    }

    @Test("the first reading item of the sample can be read to its end at 80×24")
    func tallReadingItem() {
        var state = ReaderFixture.state(width: 80, height: 24)
        update(&state, keys: "<Tab><Tab>")
        var seen = ""
        for _ in 0..<30 where state.panes[.reading].cursor == 0 {
            seen += rows(state).map { String($0.prefix(26)) }.joined(separator: " ")
            update(&state, keys: "j")
        }
        #expect(state.panes[.reading].cursor == 1)
        let last = ReaderFixture.sample.reading[0].url ?? ReaderFixture.sample.reading[0].title
        let tail = String(last.suffix(10))
        #expect(seen.replacingOccurrences(of: " ", with: "").contains(tail.replacingOccurrences(of: " ", with: "")), "end of item 1 never shown")
    }

    @Test("counts: 5j, 3n, 10G, 2G then g; digits never change the volume", arguments: [
        ("5j", 5), ("10G", 9), ("3G", 2), ("10Gg", 0), ("5jk", 4), ("20j3k", 17),
    ])
    func counts(keys: String, line: Int) {
        #expect(ReaderFixture.state(width: 80, height: 24).applying(keys).currentSegment == line)
    }

    @Test("3n is the third hit on; a count shows while it is typed")
    func countedHits() {
        let sample = ReaderFixture.state(width: 80, height: 24)
        #expect(sample.applying("/cyber<Enter>3n").position == sample.applying("/cyber<Enter>nnn").position)
        let typing = sample.applying("12")
        #expect(rows(typing).last!.hasPrefix(" 12"))
        #expect(typing.applying("<Esc>j").currentSegment == 1)
        var volume = sample
        #expect(update(&volume, keys: "9").isEmpty)
        #expect(update(&volume, keys: "j") .isEmpty)
        #expect(volume.currentSegment == 9)
    }

    @Test("each pane shows where it is, in lines: the border when wide, the tabs row when narrow")
    func positionIndicator() {
        let wide = rows(ReaderFixture.state(width: 80, height: 24).applying("10G"))
        #expect(wide[22].contains(" 10/140 "))
        let narrow = rows(ReaderFixture.state(width: 60, height: 12).applying("10G"))
        #expect(narrow[1].contains("10/140"))
    }
}

extension ReaderState {
    /// This state after some keys (for one-line expectations).
    func applying(_ keys: String) -> ReaderState {
        var copy = self
        update(&copy, keys: keys)
        return copy
    }
}
