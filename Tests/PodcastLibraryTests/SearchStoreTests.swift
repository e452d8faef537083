import EpisodeIO
import EpisodeKit
import Foundation
@testable import PodcastLibrary
import Testing
import TestSupport

/// The library's search index on disk against the index built in memory
/// from the same episodes, and as the library changes under it.
@Suite("The search index on disk", .serialized)
struct SearchStoreTests {
    let generated: GeneratedLibrary
    let library: Library
    let store: SearchStore

    init() throws {
        generated = try GeneratedLibrary()
        library = try Library(environment: generated.environment)
        store = SearchStore(library: library)
        let feeds = try OPML.read(EpisodeReader.decode(Array(Data(contentsOf: generated.opml)))).feeds
        for feed in feeds { try library.subscribe(feedURL: feed.url, title: feed.title) }
        _ = Refresher(library: library).refresh(try library.podcasts())
    }

    /// Every episode read afresh, in the order the index lists them.
    func memoryIndex() throws -> SearchIndex {
        let episodes = try library.indexDirectory().map { info in
            let (row, podcast) = try #require(try library.episode(id: info.id))
            return library.episode(row, of: podcast)
        }
        return SearchIndex(episodes: episodes)
    }

    func segmentFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store.folder.path)) ?? []).filter { $0.hasPrefix("segment-") }.sorted()
    }

    /// Queries of every kind, drawn from the library's own words.
    static func queries(from index: SearchIndex, count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<index.termCount).map { index.term(Int32($0)) }.filter { $0.count >= 3 && !$0.contains(where: \.isNumber) }
        var texts: [String] = []
        for episode in 0..<index.episodeCount { texts += index.items(ofEpisode: episode).map(\.text) }
        var queries: [String] = []
        while queries.count < count {
            let word = words.randomElement(using: &generator)!
            switch queries.count % 8 {
            case 0: queries.append(word)
            case 1: queries.append(String(word.prefix(4)))
            case 2:
                let parts = texts.randomElement(using: &generator)!.split(separator: " ")
                guard parts.count >= 3 else { continue }
                let at = Int.random(in: 0..<(parts.count - 1), using: &generator)
                queries.append("\"\(parts[at]) \(parts[at + 1])\"")
            case 3:
                var letters = Array(word)
                guard letters.count >= 5 else { continue }
                let at = Int.random(in: 1..<(letters.count - 1), using: &generator)
                letters.swapAt(at, at - 1)
                queries.append(String(letters))
            case 4: queries.append(["2024", "twenty", "nineteen", "1", "42", "one hundred"].randomElement(using: &generator)!)
            case 5: queries.append("\(word) -\(words.randomElement(using: &generator)!)")
            case 6: queries.append("\(word) \(words.randomElement(using: &generator)!.prefix(3))")
            default: queries.append(word.uppercased())
            }
        }
        return queries
    }

    struct Seen: Equatable {
        var episode: Int
        var field: SearchField
        var item: Int
        var fuzzy: Bool
        var ranges: [Range<Int>]
        var text: String
        var start: TimeCode?
    }

    func expectAgreement(_ snapshot: LibrarySnapshot, with memory: SearchIndex, queries: [String]) {
        for query in queries {
            let parsed = SearchQuery(query)
            let expected = memory.search(parsed)
            let found = snapshot.search(parsed)
            #expect(found.total == expected.total, "\(query)")
            let seen = found.hits().map { Seen(episode: $0.episode, field: $0.field, item: $0.item, fuzzy: $0.fuzzy, ranges: $0.ranges, text: $0.text, start: $0.start) }
            let wanted = expected.hits().map { Seen(episode: $0.episode, field: $0.field, item: $0.item, fuzzy: $0.fuzzy, ranges: $0.ranges, text: $0.text, start: $0.start) }
            #expect(seen == wanted, "\(query)")
        }
    }

    @Test("400 random queries: the index on disk answers hit for hit as the index in memory, in one segment and in several")
    func agreesWithMemory() throws {
        let first = try store.update()
        #expect(first.work.indexed == 30 && first.work.fromNothing && first.segmentCount == 1)
        let memory = try memoryIndex()
        let queries = Self.queries(from: memory, count: 400)
        expectAgreement(first, with: memory, queries: Array(queries.prefix(200)))
        // A changed episode goes into a new segment; the old copy stops counting.
        try library.pool.write { db in try db.execute(sql: "UPDATE episode SET title = 'Renamed for the test' WHERE id = 3") }
        let second = try store.update()
        #expect(second.work.indexed == 1 && second.segmentCount == 2)
        expectAgreement(second, with: try memoryIndex(), queries: Array(queries.dropFirst(200)) + ["renamed for the test"])
        #expect(second.search(SearchQuery("renamed for the test")).total >= 1)
    }

    @Test("an unchanged library indexes nothing; a refresh that brings a new episode indexes that one alone")
    func incremental() throws {
        _ = try store.update()
        let files = segmentFiles()
        let again = try store.update()
        #expect(again.work == SearchStore.Work() && segmentFiles() == files)
        // Position and finished marks are no change to what is searched.
        let someone = try #require(try library.indexDirectory().first)
        try library.savePosition(TimeCode(seconds: 30), ofEpisode: someone.id, finished: true)
        #expect(try store.update().work.indexed == 0)
        // The feed gains an item.
        let file = generated.site.appendingPathComponent("feeds/show-00.xml")
        var feed = try String(contentsOf: file, encoding: .utf8)
        let item = """
            <item><title>Brand new zymurgy hour</title><guid>new-item-for-the-test</guid>
            <pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate><description>Zymurgy and quixotic brewing.</description></item>
            """
        feed = feed.replacingOccurrences(of: "<item>", with: item + "<item>", options: [], range: feed.range(of: "<item>"))
        try feed.write(to: file, atomically: true, encoding: .utf8)
        let before = try library.episodes(of: library.podcasts()[0])
        _ = Refresher(library: library).refresh(try library.podcasts())
        // Nothing else changed: a refresh that rewrote unchanged episodes would index them all again.
        let after = try library.episodes(of: library.podcasts()[0])
        #expect(after.filter { row in before.contains { $0.id == row.id && $0 != row } }.isEmpty)
        let updated = try store.update()
        #expect(updated.work.indexed == 1)
        #expect(updated.search(SearchQuery("zymurgy quixotic")).total == 1)
    }

    @Test("removing a podcast removes its entries from the files, not only from the answers")
    func removal() throws {
        _ = try store.update()
        let podcast = try library.podcasts()[0]
        let removedIDs = Set(try library.episodes(of: podcast).compactMap(\.id))
        let word = try #require(library.episodes(of: podcast).first?.title.split(separator: " ").first.map(String.init))
        try library.remove(podcast)
        let snapshot = try store.update(purge: true)
        #expect(snapshot.directory.allSatisfy { !removedIDs.contains($0.id) })
        let hits = snapshot.search(SearchQuery(word)).hits()
        #expect(hits.allSatisfy { snapshot.directory[$0.episode].podcastID != podcast.id })
        for name in segmentFiles() {
            let index = try #require(IndexFile.open(store.folder.appendingPathComponent(name).path))
            for episode in 0..<index.episodeCount { #expect(!removedIDs.contains(index.key(ofEpisode: episode).key)) }
        }
        #expect(snapshot.work.merged == 20)
    }

    @Test("a damaged, cut short or foreign segment is indexed again, with no error; a partial save is cleared away")
    func damaged() throws {
        _ = try store.update()
        let memory = try memoryIndex()
        let queries = Self.queries(from: memory, count: 40)
        for damage in ["garbage", "truncated", "flipped"] {
            let path = store.folder.appendingPathComponent(try #require(segmentFiles().first)).path
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            switch damage {
            case "garbage": bytes = Data(repeating: 0x5A, count: 5000)
            case "truncated": bytes = bytes.prefix(bytes.count / 2)
            default: bytes[100] ^= 0xFF  // inside the header: its checksum no longer agrees
            }
            try bytes.write(to: URL(fileURLWithPath: path))
            let snapshot = try store.update()
            #expect(snapshot.work.damaged == 1 && snapshot.work.indexed == 30, "\(damage)")
            expectAgreement(snapshot, with: memory, queries: queries)
        }
        // A save a killed podread left behind.
        let leftover = store.folder.appendingPathComponent("segment-000099.index.partial-999999")
        try Data(repeating: 1, count: 100).write(to: leftover)
        try library.pool.write { db in try db.execute(sql: "UPDATE episode SET shownotes = 'changed' WHERE id = 1") }
        _ = try store.update()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    @Test("an index of another podread's format is made again, and counted as such, not as damage")
    func otherVersion() throws {
        _ = try store.update()
        let path = store.folder.appendingPathComponent(try #require(segmentFiles().first)).path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[8] = 2   // the format version, after the eight-byte magic
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(IndexFile.isOtherVersion(path))
        let snapshot = try store.update()
        #expect(snapshot.work.outdated == 1 && snapshot.work.damaged == 0 && snapshot.work.indexed == 30)
        expectAgreement(snapshot, with: try memoryIndex(), queries: Self.queries(from: try memoryIndex(), count: 20))
    }

    @Test("postings that point past the end (a damaged file the header does not catch) give no crash")
    func damagedPostings() throws {
        _ = try store.update()
        let path = store.folder.appendingPathComponent(try #require(segmentFiles().first)).path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Scribble over the body, past the header: tables' contents, not their sizes.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 { bytes[Int.random(in: 512..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
        try bytes.write(to: URL(fileURLWithPath: path))
        let snapshot = try store.update()
        for query in Self.queries(from: try memoryIndex(), count: 100) { _ = snapshot.search(SearchQuery(query)).hits(limit: 50) }
    }

    @Test("a library started over gets a new index: the old one's episode numbers mean other episodes now")
    func newLibrary() throws {
        _ = try store.update()
        try library.pool.write { db in try db.execute(sql: "UPDATE setting SET value = 'another' WHERE name = 'libraryID'") }
        let snapshot = try store.update()
        #expect(snapshot.work.indexed == 30 && snapshot.segmentCount == 1)
    }

    @Test("many small updates are merged: never more than a few segments")
    func merging() throws {
        _ = try store.update()
        for round in 1...10 {
            try library.pool.write { db in try db.execute(sql: "UPDATE episode SET shownotes = 'round \(round)' WHERE id = ?", arguments: [round]) }
            _ = try store.update()
            #expect(segmentFiles().count <= SearchStore.segmentLimit)
        }
        expectAgreement(try store.update(), with: try memoryIndex(), queries: ["round", "round 7"])
    }
}
