import Foundation
import Testing
@testable import EpisodeIO
import EpisodeKit

@Suite("The quote journal")
final class QuoteJournalTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("podread-journal-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: directory) }

    private func quote(_ index: Int = 0) -> Quote {
        let segments = [Segment(index: 0, start: TimeCode(milliseconds: 751_000), text: "quote number \(index) -- with <!-- tricky --> text")]
        return Quote(episode: Episode(title: "Episode", podcast: "Cast", segments: segments, format: .text).resolvingEnds(), segments: 0...0)
    }

    @Test("entries are appended, read back whole, private to the user")
    func appendAndRead() throws {
        let journal = QuoteJournal(environment: ["XDG_DATA_HOME": directory.path])
        #expect(journal.file.path == directory.path + "/podread/quotes.md")
        for index in 0..<3 {
            try journal.append(quote(index), format: .plain, text: QuoteFormat.plain.format(quote(index)))
        }
        let entries = try journal.entries()
        #expect(entries.count == 3)
        #expect(entries[2].text == QuoteFormat.plain.format(quote(2)))
        #expect(entries[0].timestamp == "00:12:31" && entries[0].episode == "Episode" && entries[0].podcast == "Cast" && entries[0].format == "plain")
        let file = try FileManager.default.attributesOfItem(atPath: journal.file.path)
        let folder = try FileManager.default.attributesOfItem(atPath: journal.file.deletingLastPathComponent().path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        // The quote text is in the file exactly once per entry.
        let text = try String(contentsOf: journal.file, encoding: .utf8)
        #expect(text.components(separatedBy: "quote number 1").count == 2)
    }

    @Test("a journal that cannot be written is a clear error")
    func unwritable() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let blocker = directory.appendingPathComponent("data")
        try Data("not a folder".utf8).write(to: blocker)
        let journal = QuoteJournal(environment: ["XDG_DATA_HOME": blocker.path])
        #expect(throws: JournalError.self) { try journal.append(quote(), format: .plain, text: "x") }
    }

    @Test("a torn entry at the end (a writer killed mid-quote) is not read as a quote")
    func torn() throws {
        let journal = QuoteJournal(file: directory.appendingPathComponent("quotes.md"))
        try journal.append(quote(1), format: .plain, text: "whole")
        let handle = try FileHandle(forWritingTo: journal.file)
        handle.seekToEndOfFile()
        handle.write(Data("### 00:00:01 · Episode\n<!-- podread-quote {\"date\":\"x\"} -->\n\npartial".utf8))
        try handle.close()
        #expect(try journal.entries().map(\.text) == ["whole"])
    }
}

@Suite("Where podread keeps its files")
struct XDGTests {
    @Test("XDG variables, their defaults, and relative values ignored")
    func folders() {
        #expect(QuoteJournal(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]).file.path == "/d/podread/quotes.md")
        #expect(QuoteJournal(environment: ["HOME": "/h"]).file.path == "/h/.local/share/podread/quotes.md")
        #expect(QuoteJournal(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).file.path == "/h/.local/share/podread/quotes.md")
        #expect(ReadingPositions(environment: ["XDG_STATE_HOME": "/s"]).file.path == "/s/podread/positions.json")
        #expect(ReadingPositions(environment: ["HOME": "/h"]).file.path == "/h/.local/state/podread/positions.json")
    }

    @Test("a damaged positions file is ignored with a message, then written afresh")
    func damagedPositions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podread-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let positions = ReadingPositions(environment: ["XDG_STATE_HOME": folder.path])
        try FileManager.default.createDirectory(at: positions.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: positions.file)
        let loaded = positions.position(for: "sample")
        #expect(loaded.time == nil)
        #expect(loaded.problem?.contains("damaged, ignored") == true)
        try positions.save(TimeCode(milliseconds: 751_000), for: "sample")
        #expect(positions.position(for: "sample").time?.formatted == "00:12:31")
        #expect(positions.position(for: "sample").problem == nil)
    }
}
