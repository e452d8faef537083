import Foundation
import Testing
@testable import EpisodeKit

/// The commonest words are answered from their units' bitmaps, and two of
/// them in a row from their pairs: the same hits as from their postings, in
/// memory and from a file.
@Suite("Common words as bitmaps")
struct DenseTermTests {
    /// 9,000 lines: `common` in every one, `often` in every second (both
    /// common enough for a bitmap), `seldom` in every fiftieth (not).
    static let episode: Episode = {
        var generator = SeededGenerator(seed: 5)
        let filler = ["river", "stone", "cloud", "amber", "lantern", "meadow", "cobble", "harbour"]
        let segments = (0..<9_000).map { number in
            var words = (0..<6).map { _ in filler.randomElement(using: &generator)! }
            words.insert("common", at: number % 5)
            if number % 3 == 0 { words.insert("common", at: number % 5) }
            if number % 2 == 0 { words.insert("often", at: number % 4) }
            if number % 50 == 0 { words.append("seldom") }
            // Hyphenated words stand for their parts too; spoken numbers for digits.
            if number % 97 == 0 { words.insert("river-stone", at: 2) }
            if number % 89 == 0 { words.insert("twenty twenty-four common", at: 1) }
            return Segment(index: number, start: TimeCode(milliseconds: number * 1000), text: words.joined(separator: " "))
        }
        return Episode(title: "Common words", segments: segments, format: .text)
    }()

    /// The same lines as two episodes: an index of several episodes keeps
    /// pairs of common words (one episode's index does not).
    static let halves: [Episode] = {
        let segments = Array(episode.segments)
        return [Array(segments[..<4_500]), Array(segments[4_500...])].enumerated().map { number, part in
            Episode(title: "Common words \(number + 1)",
                    segments: part.enumerated().map { Segment(index: $0.offset, start: $0.element.start, text: $0.element.text) },
                    format: .text)
        }
    }()

    /// The same lines as nine episodes of unequal lengths: the workers
    /// share them from both ends of their blocks, so one reads its episodes
    /// backwards.
    static let pieces: [Episode] = {
        let segments = Array(episode.segments)
        var start = 0
        return [300, 2_500, 700, 100, 1_800, 900, 1_200, 1_000, 500].enumerated().map { number, length in
            defer { start += length }
            return Episode(title: "Common words \(number + 1)",
                           segments: segments[start..<(start + length)].enumerated().map {
                               Segment(index: $0.offset, start: $0.element.start, text: $0.element.text)
                           }, format: .text)
        }
    }()

    /// The reference's hits in each episode, exact ones first, as an index of them all lists them.
    static func reference(_ query: SearchQuery, in episodes: [Episode] = halves) -> [HitLocation] {
        let each = episodes.enumerated().map { number, half in
            ReferenceSearchTests.reference(query, in: half).map {
                HitLocation(episode: number, field: $0.field, item: $0.item, fuzzy: $0.fuzzy)
            }
        }
        return each.flatMap { $0.filter { !$0.fuzzy } } + each.flatMap { $0.filter(\.fuzzy) }
    }

    @Test("one episode's index keeps bitmaps but no pairs, and answers as a scan does")
    func oneEpisode() {
        let index = SearchIndex(episodes: [Self.episode])
        #expect(!index.tables.denseTerms.isEmpty && index.tables.pairStarts.isEmpty)
        for query in ["\"common common often\"", "\"river stone\"", "common -often"] {
            let parsed = SearchQuery(query)
            let expected = ReferenceSearchTests.reference(parsed, in: Self.episode)
            #expect(index.search(parsed).locations(limit: 200) == Array(expected.prefix(200)), "\(query)")
        }
    }

    @Test("bitmaps are kept for the common words only, and answer as a scan does", arguments: ["memory", "file"])
    func agreement(source: String) throws {
        var index = SearchIndex(episodes: Self.halves)
        if source == "file" {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podread-dense-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let saved = SearchIndex(source: .episodes(Self.halves))
            try IndexFile.save(saved, to: folder.appendingPathComponent("dense.index").path)
            index = try #require(IndexFile.open(folder.appendingPathComponent("dense.index").path))
        }
        let dense = Set(index.tables.denseTerms.map { index.term(Int32($0)) })
        #expect(dense.contains("common") && dense.contains("often") && !dense.contains("seldom"))
        // Two common words in a row are read from the index's pairs, those
        // of the commonest words first while they fit in an eighth of the
        // postings; here every word is common, and the others are merged.
        func pair(_ first: String, _ second: String) -> UnsafeBufferPointer<UInt64>? {
            index.tables.pairPostings(Int(index.termID(for: first)!), Int(index.termID(for: second)!))
        }
        #expect(index.tables.pairStarts.count == dense.count * dense.count + 1)
        #expect(pair("common", "common")?.isEmpty == false)
        #expect(pair("river", "stone") == nil)
        #expect(index.tables.pairPostings.count <= index.tables.postings.count / 8)
        Self.expectAgreement(index, Self.halves)
    }

    static let queries = [
        "common", "comm", "often", "oft", "commen", "common often", "\"common often\"", "often -common",
        "common -often", "seldom common", "-seldom often", "\"often common\" seldom",
        "\"river stone\"", "\"stone river\"", "\"amber amber\"", "\"amber amber amber\"", "\"common river stone\"",
        "\"river often common\"", "\"common common\"", "\"common common often\"", "\"river common common\"", "\"harbour seldom\"",
        "\"seldom harbour\"", "\"2024 common\"", "\"twenty twenty-four common\"", "\"often river stone cloud\"", "\"meadow meadow\" -common",
        // Each episode's last word (its title's number) and first.
        "3", "8", "\"words 2\"", "words",
    ]

    /// Every query answered as the reference answers it over `episodes`.
    static func expectAgreement(_ index: SearchIndex, _ episodes: [Episode]) {
        for query in queries {
            let parsed = SearchQuery(query)
            let expected = reference(parsed, in: episodes)
            let results = index.search(parsed)
            #expect(results.total == expected.count, "\(query)")
            #expect(results.locations(limit: 200) == Array(expected.prefix(200)), "\(query)")
            // Every hit, not only the first ones: a unit out of place shows in the middle.
            #expect(results.locations() == expected, "\(query)")
        }
    }

    @Test("nine episodes of unequal lengths, some read backwards by the worker that took them, answer as a scan does", arguments: [
        // As two workers would share them when the first is held up: it
        // takes three from the start, the other six from the end.
        [[0, 1, 2], [8, 7, 6, 5, 4, 3]],
        // Three workers (more cores): their vocabularies merged three ways.
        [[0, 1], [2, 3, 4], [8, 7, 6, 5]],
    ])
    func unequalEpisodes(workers: [[Int]]) {
        let shares = EpisodeShares(fixed: workers.map { $0.map { IndexBuilder.Piece(episode: $0) } })
        let (memory, tables) = IndexBuilder.build(.episodes(Self.pieces), keepTexts: false, shares: shares)
        let index = SearchIndex(episodes: Self.pieces, memory: memory, tables: tables)
        #expect(index.episodeCount == Self.pieces.count)
        for (number, piece) in Self.pieces.enumerated() { #expect(index.unitCount(ofEpisode: number) == piece.searchableItemCount) }
        #expect(!index.tables.pairStarts.isEmpty)
        // Each pair's postings ascend, as a phrase's merge needs them.
        let dense = index.tables.denseTerms.count
        for first in 0..<dense {
            for second in 0..<dense {
                guard let postings = index.tables.pairPostings(Int(index.tables.denseTerms[first]), Int(index.tables.denseTerms[second]))
                else { continue }
                #expect(zip(postings, postings.dropFirst()).allSatisfy { $0 < $1 })
            }
        }
        Self.expectAgreement(index, Self.pieces)
    }

    @Test("a file whose tables were scribbled over answers searches of every kind without a crash")
    func scribbledTables() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podread-scribble-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scribbled.index").path
        try IndexFile.save(SearchIndex(source: .episodes(Self.halves)), to: path)
        let clean = try Data(contentsOf: URL(fileURLWithPath: path))
        let layout = try #require(clean.withUnsafeBytes { IndexLayout.read($0) })
        var generator = SeededGenerator(seed: 11)
        let small = (clean.withUnsafeBytes { layout.tables(in: $0).termCount }) + 1
        // Each table in turn: its bytes running backwards, random bytes, and
        // small values (places that look plausible) out of order.
        for table in IndexLayout.Table.allCases where layout.counts[table.rawValue] > 0 {
            for pass in 0..<3 {
                var bytes = clean
                let start = layout.offsets[table.rawValue], count = layout.counts[table.rawValue], size = table.elementSize
                for offset in 0..<(count * size) {
                    switch pass {
                    case 0: bytes[start + offset] = UInt8(truncatingIfNeeded: count * size - offset)
                    case 1: bytes[start + offset] = UInt8.random(in: 0...255, using: &generator)
                    default:
                        let element = offset / size
                        bytes[start + offset] = offset % size == 0 ? UInt8(truncatingIfNeeded: (element * 7) % small) : 0
                    }
                }
                try bytes.write(to: URL(fileURLWithPath: path))
                guard let index = IndexFile.open(path) else { continue }
                for query in ["common", "comm", "commen", "\"common often\"", "often -common", "seldom", "2024", "rivr stone",
                              "\"river stone\"", "\"amber amber amber\""] {
                    let results = index.search(query)
                    _ = results.hits(limit: 20)
                    _ = results.countsPerEpisode()
                }
            }
        }
    }
}
