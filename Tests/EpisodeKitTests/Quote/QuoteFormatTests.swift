import Testing
@testable import EpisodeKit

@Suite("Quote formats")
struct QuoteFormatTests {
    static func episode(speakers: [String?] = [nil, nil, nil], podcast: String? = nil, audio: String? = nil) -> Episode {
        let texts = ["then in late twenty-twenty four there was an IT worker from North Korea.",
                     "this is one of their   schemes\ntoo.", "I"]
        let starts = [751_000, 756_000, 782_000]
        let segments = (0..<3).map { Segment(index: $0, start: TimeCode(milliseconds: starts[$0]), speaker: speakers[$0], text: texts[$0]) }
        return Episode(title: "Overlooked", podcast: podcast, people: [Person(name: "Esme Nicholson", role: .host), Person(name: "Eric Ballbach", role: .guest)],
                       segments: segments, audioURL: audio, publicationDate: CalendarDate(year: 2026, month: 5, day: 6), format: .text).resolvingEnds()
    }

    @Test("plain: the quote, the episode, the time; speaker and podcast only when known")
    func plain() {
        let bare = Quote(episode: Self.episode(), segments: 0...0)
        #expect(QuoteFormat.plain.format(bare) == "“then in late twenty-twenty four there was an IT worker from North Korea.” — Overlooked, 00:12:31")
        let full = Quote(episode: Self.episode(speakers: ["Eric Ballbach", "Eric Ballbach", nil], podcast: "SWP Podcast"), segments: 0...0)
        #expect(QuoteFormat.plain.format(full) == "“then in late twenty-twenty four there was an IT worker from North Korea.” — Eric Ballbach, Overlooked (SWP Podcast), 00:12:31")
    }

    @Test("several segments: one sentence, white space normalised, the span from first start to last end")
    func range() {
        let quote = Quote(episode: Self.episode(), segments: 0...1)
        #expect(quote.timestamp == "00:12:31–00:13:02")
        #expect(quote.text == "then in late twenty-twenty four there was an IT worker from North Korea. this is one of their schemes too.")
    }

    @Test("a change of speaker inside a quote is kept")
    func speakers() {
        let quote = Quote(episode: Self.episode(speakers: ["Host", "Guest", "Guest"]), segments: 0...2)
        #expect(quote.speaker == nil)
        #expect(quote.text == "Host: then in late twenty-twenty four there was an IT worker from North Korea. Guest: this is one of their schemes too. I")
    }

    @Test("markdown: a blockquote and a linked timestamp (W3C media fragment)")
    func markdown() {
        let linked = Quote(episode: Self.episode(audio: "https://example.org/ep.mp3"), segments: 0...0)
        #expect(QuoteFormat.markdown.format(linked) == "> then in late twenty-twenty four there was an IT worker from North Korea.\n\n— Overlooked, [00:12:31](https://example.org/ep.mp3#t=751)")
        let span = Quote(episode: Self.episode(audio: "https://example.org/ep.mp3"), segments: 0...1)
        #expect(QuoteFormat.markdown.format(span).hasSuffix("[00:12:31–00:13:02](https://example.org/ep.mp3#t=751,782)"))
        let unlinked = Quote(episode: Self.episode(), segments: 0...0)
        #expect(QuoteFormat.markdown.format(unlinked).hasSuffix("— Overlooked, 00:12:31"))
    }

    @Test("json: every key")
    func json() {
        let quote = Quote(episode: Self.episode(speakers: ["Eric", "Eric", "Eric"], podcast: "SWP", audio: "https://x.org/a.mp3"), segments: 0...1)
        #expect(QuoteFormat.json.format(quote) == #"{"text":"then in late twenty-twenty four there was an IT worker from North Korea. this is one of their schemes too.","start":751,"end":782,"timestamp":"00:12:31–00:13:02","episode":"Overlooked","podcast":"SWP","speaker":"Eric","link":"https://x.org/a.mp3#t=751,782"}"#)
        let bare = Quote(episode: Self.episode(), segments: 2...2)
        #expect(QuoteFormat.json.format(bare).contains(#""podcast":null,"speaker":null,"link":null"#))
    }

    @Test("cite: people, date, title, podcast, timestamp, link")
    func cite() {
        let quote = Quote(episode: Self.episode(podcast: "SWP Podcast", audio: "https://x.org/a.mp3"), segments: 0...0)
        #expect(QuoteFormat.cite.format(quote) == "Esme Nicholson (host), with Eric Ballbach (2026-05-06). “Overlooked”, SWP Podcast [podcast]. 00:12:31. https://x.org/a.mp3#t=751.")
    }

    @Test("formats cycle in order")
    func cycle() {
        #expect(QuoteFormat.plain.next == .markdown && QuoteFormat.cite.next == .plain)
    }
}
