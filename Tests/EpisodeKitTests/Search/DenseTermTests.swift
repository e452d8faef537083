import Foundation
import Testing
@testable import EpisodeKit

/// The commonest words are answered from their units' bitmaps: the same
/// hits as from their postings, in memory and from a file.
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
            if number % 2 == 0 { words.insert("often", at: number % 4) }
            if number % 50 == 0 { words.append("seldom") }
            return Segment(index: number, start: TimeCode(milliseconds: number * 1000), text: words.joined(separator: " "))
        }
        return Episode(title: "Common words", segments: segments, format: .text)
    }()

    @Test("bitmaps are kept for the common words only, and answer as a scan does", arguments: ["memory", "file"])
    func agreement(source: String) throws {
        var index = SearchIndex(episodes: [Self.episode])
        if source == "file" {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podread-dense-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let saved = SearchIndex(source: .episodes([Self.episode]))
            try IndexFile.save(saved, to: folder.appendingPathComponent("dense.index").path)
            index = try #require(IndexFile.open(folder.appendingPathComponent("dense.index").path))
        }
        let dense = Set(index.tables.denseTerms.map { index.term(Int32($0)) })
        #expect(dense.contains("common") && dense.contains("often") && !dense.contains("seldom"))
        for query in ["common", "comm", "often", "oft", "commen", "common often", "\"common often\"", "often -common",
                      "common -often", "seldom common", "-seldom often", "\"often common\" seldom"] {
            let parsed = SearchQuery(query)
            let expected = ReferenceSearchTests.reference(parsed, in: Self.episode)
            let results = index.search(parsed)
            #expect(results.total == expected.count, "\(query)")
            #expect(results.locations(limit: 200) == Array(expected.prefix(200)), "\(query)")
        }
    }
}
