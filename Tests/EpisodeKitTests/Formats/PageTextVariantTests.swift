import Testing
@testable import EpisodeKit

/// The shapes real episode pages take beyond the sample.
@Suite("Page-text variants")
struct PageTextVariantTests {
    private func read(_ text: String) throws -> Episode {
        try EpisodeReader.read(bytes: Array(text.utf8), fallbackTitle: "fallback")
    }

    private func page(heading: String = "Transkript anzeigen", _ transcript: String) -> String {
        "An Episode\n\nShownotes\n\nAbout things.\n\nHost: Ann Lee\n\n\(heading)\n\n\(transcript)"
    }

    @Test("transcript headings", arguments: ["Transkript anzeigen", "Show transcript", "Transcript", "Transcript:", "TRANSCRIPT"])
    func headings(heading: String) throws {
        let episode = try read(page(heading: heading, "00:00:05: Hello.\n\n00:00:09: Bye."))
        #expect(episode.format == .pageText)
        #expect(episode.segments.map(\.text) == ["Hello.", "Bye."])
        #expect(episode.shownotes == "About things.")
    }

    @Test("timestamp forms", arguments: [
        ("0:12:31 Text here", 751), ("12:31 Text here", 751), ("[00:12:31] Text here", 751),
        ("(00:12:31) Text here", 751), ("00:12:31 Text here", 751), ("00:12:31: Text here", 751),
        ("[12:31]: Text here", 751), ("1:02:03 - Text here", 3723),
    ])
    func timestamps(line: String, seconds: Int) throws {
        let episode = try read(page(line))
        #expect(episode.segments.count == 1)
        #expect(episode.segments.first?.start.wholeSeconds == seconds)
        #expect(episode.segments.first?.text == "Text here")
    }

    @Test("a speaker label is kept as the speaker")
    func speakers() throws {
        let episode = try read(page("00:00:01: Ann Lee: Welcome.\n00:00:04 Dr. Bo Chen: Thanks, glad to be here.\n00:00:09 For example: not a speaker"))
        #expect(episode.segments.map(\.speaker) == ["Ann Lee", "Dr. Bo Chen", nil])
        #expect(episode.segments[0].text == "Welcome.")
        #expect(episode.segments[2].text == "For example: not a speaker")
        #expect(episode.speakers == ["Ann Lee", "Dr. Bo Chen"])
    }

    @Test("text runs over several lines until the next timestamp")
    func continuation() throws {
        let episode = try read(page("00:00:01: First part\nstill first\n\nand more.\n00:00:10: Second."))
        #expect(episode.segments.map(\.text) == ["First part still first and more.", "Second."])
    }

    @Test("CRLF line ends and a byte-order mark")
    func crlfAndBOM() throws {
        let text = page("00:00:01: One.\r\n\r\n00:00:02: Two.").replacingAll("\n", with: "\r\n")
        let episode = try EpisodeReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), fallbackTitle: "x")
        #expect(episode.title == "An Episode")
        #expect(episode.segments.map(\.text) == ["One.", "Two."])
    }

    @Test("the comment form is left out and never glued onto the last segment", arguments: [
        "Neuer Kommentar\n\nDein Name oder Pseudonym (wird öffentlich angezeigt)\nMindestens 10 Zeichen",
        "Leave a comment\nYour name",
        "Comments",
    ])
    func chrome(form: String) throws {
        let episode = try read(page("00:00:01: Hello.\n\n00:00:05: Thank you for listening.\n\n\(form)\n"))
        #expect(episode.segments.last?.text == "Thank you for listening.")
        #expect(episode.segments.count == 2)
    }

    @Test("a page with shownotes and no transcript opens with a warning")
    func noTranscript() throws {
        let episode = try read("Title\n\nShownotes\n\nSome notes.\n\nGuest: Jo Park\n")
        #expect(episode.segments.isEmpty)
        #expect(episode.warnings.map(\.message) == ["the page has no transcript"])
        #expect(episode.people == [Person(name: "Jo Park", role: .guest)])
    }

    @Test("several guests on one line")
    func severalGuests() throws {
        let episode = try read("Title\n\nGuests: Anna Weber and Tom Li\n\nHost: Esme Nicholson, editor at large\n")
        #expect(episode.people.map(\.name) == ["Anna Weber", "Tom Li", "Esme Nicholson"])
        #expect(episode.people.last?.about == "editor at large")
    }

    @Test("prose with nothing of an episode is refused")
    func nothingRecognisable() {
        #expect(throws: EpisodeReadError.self) { try read("Just a line of prose.\nAnother one.\n") }
    }

    @Test("empty, white space and binary files are refused")
    func refused() {
        #expect(throws: EpisodeReadError.self) { try EpisodeReader.read(bytes: [], fallbackTitle: "x") }
        #expect(throws: EpisodeReadError.self) { try read(" \n\t\n") }
        #expect(throws: EpisodeReadError.self) { try EpisodeReader.read(bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1], fallbackTitle: "x") }
    }

    @Test("a bare list of timestamped lines is the text format, titled by the caller")
    func bareText() throws {
        let episode = try read("00:00:01 Hello.\n00:00:04 World.\n")
        #expect(episode.format == .text)
        #expect(episode.title == "fallback")
        #expect(episode.segments.count == 2)
    }

    @Test("text that is not UTF-8 is read as Windows-1252")
    func windows1252() throws {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("Talk".utf8) + [0x94] + Array("\n\nShownotes\n\nNotes.\n".utf8)
        let episode = try EpisodeReader.read(bytes: bytes, fallbackTitle: "x")
        #expect(episode.title == "Café “Talk”")
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
