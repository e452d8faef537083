import Foundation
import PodreadAssets
import Testing
@testable import EpisodeKit

@Suite("The search index")
struct SearchIndexTests {
    static let sample: Episode = {
        let url = BundledEpisodes.sample!
        return try! EpisodeReader.read(bytes: Array(try! Data(contentsOf: url)), fallbackTitle: "sample")
    }()
    static let index = SearchIndex(episodes: [sample])

    private func times(_ query: String, exact: Bool = false) -> [String] {
        Self.index.search(query, exact: exact).hits().filter { $0.field == .transcript }.compactMap { $0.start?.formatted }
    }

    private func highlighted(_ hit: SearchHit) -> [String] {
        let scalars = Array(hit.text.unicodeScalars)
        return hit.ranges.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test("highlights near a part of a long text are the whole text's highlights there", arguments: ["korea", "sanct", "\"north korea\"", "ballbach", "2024"])
    func highlightsNearAPart(query: String) {
        // The whole transcript as one line, a few times over: a line far longer than a screen.
        let text = Array(repeating: Self.sample.segments.map(\.text).joined(separator: " "), count: 3).joined(separator: " ")
        let results = Self.index.search(query)
        let whole = results.highlights(in: text).ranges
        #expect(!whole.isEmpty)
        let length = text.unicodeScalars.count
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<60 {
            let start = Int.random(in: 0..<length, using: &generator)
            let window = start..<min(length, start + Int.random(in: 1...400, using: &generator))
            let near = results.highlights(in: text, near: window).filter { $0.overlaps(window) }
            #expect(near == whole.filter { $0.overlaps(window) }, "window \(window)")
        }
    }

    @Test("a word finds every segment it is in, in time order")
    func word() {
        let hits = times("cyber")
        #expect(hits.first == "00:00:47")
        #expect(hits.dropFirst().first == "00:08:20")
        #expect(hits == hits.sorted())
        #expect(Self.index.search("cyber").hits().allSatisfy { !$0.fuzzy })
    }

    @Test("the last word matches as a prefix")
    func prefix() {
        #expect(times("sanct") == ["00:06:04", "00:06:14", "00:15:01"])
        #expect(times("korea sanct").isEmpty == false)
        #expect(times("korea sanct").count < times("korea").count)
        // Not the last word: no prefix.
        #expect(times("sanct north").isEmpty)
    }

    @Test("quoted phrases need the words in a row")
    func phrase() {
        let phrase = Self.index.search("\"cyber threats\"").hits()
        #expect(phrase.first?.start?.formatted == "00:08:20")
        #expect(phrase.count == 3)
        #expect(phrase.allSatisfy { highlighted($0).map { $0.lowercased() } == ["cyber threats"] })
        #expect(times("\"threats cyber\"").isEmpty)
    }

    @Test("-word excludes")
    func exclusion() {
        let all = Set(times("korea"))
        let without = Set(times("korea -north"))
        #expect(!without.isEmpty && without.count < all.count)
        for time in without {
            let segment = Self.sample.segments.first { $0.start.formatted == time }!
            #expect(!segment.text.lowercased().contains("north"))
        }
    }

    @Test("hyphenated words: parts in a row or joined")
    func hyphens() {
        #expect(times("jong-un") == times("\"jong un\""))
        #expect(Set(times("jongun")).isSubset(of: Set(times("jong-un"))))
        #expect(times("jongun").contains("00:01:51"))
    }

    @Test("diacritics and case fold in queries too")
    func folding() {
        let hits = Self.index.search("PJÖNGJANGS", exact: true).hits()
        #expect(hits.map(\.field) == [.reading])
        #expect(highlighted(hits[0]) == ["Pjöngjangs"])
    }

    @Test("spoken numbers both ways")
    func numbers() {
        #expect(times("2024").contains("00:12:31"))
        #expect(times("2024").contains("00:09:13"))
        #expect(times("2018") == ["00:01:24"])
        #expect(times("7000") == ["00:09:13"])
        #expect(times("twenty twenty-four") == times("2024"))
        let hit = Self.index.search("2024").hits().first { $0.start?.formatted == "00:12:31" }!
        #expect(highlighted(hit) == ["twenty-twenty four"])
        // Digits in text are found by spoken queries.
        #expect(Self.index.search("twenty twenty-four").hits().contains { $0.field == .reading })
    }

    @Test("fuzzy: misspelt names are found, after the exact hits, and say what they matched")
    func fuzzy() {
        let results = Self.index.search("Ballbach")
        let hits = results.hits()
        #expect(results.exactCount == hits.filter { !$0.fuzzy }.count)
        let firstFuzzy = hits.firstIndex { $0.fuzzy }!
        #expect(hits[..<firstFuzzy].allSatisfy { !$0.fuzzy })
        #expect(hits[firstFuzzy...].allSatisfy { $0.fuzzy })
        let matched = Set(hits.flatMap(\.matched))
        #expect(matched.isSuperset(of: ["Baalbach", "Baibach"]))
        #expect(results.fuzzyWords().contains("Baalbach"))
        #expect(Self.index.search("Ballbach", exact: true).hits().allSatisfy { !$0.fuzzy })
        #expect(Self.index.search("Ballbach", exact: true).total == results.exactCount)
    }

    @Test("fuzzy allowance by length", arguments: [
        ("cybr", 0), ("cyberr", 1), ("cybbr", 1), ("cyxxr", 2), ("strategc", 1), ("straetgic", 1), ("sxraetgic", 2), ("sxraetgix", 3),
    ])
    func allowance(query: String, distance: Int) {
        let target = query.count >= 8 ? "strategic" : "cyber"
        let allowed = EditDistance.allowance(forLength: query.count)
        let within = EditDistance.within(Array(query.unicodeScalars), Array(target.unicodeScalars), limit: allowed)
        #expect(within == (distance <= allowed && allowed > 0))
    }

    @Test("edits are counted in letters, in any script, and a swap of neighbours is one", arguments: [
        ("Пхенян", "Пхеньян"), ("korae", "Korea"), ("nuclaer", "nuclear"), ("ukriane", "Ukraine"), ("sanctoins", "sanctions"),
        ("Αθήνς", "Αθήνας"), ("القاهره", "القاهرة"), ("Pjöngjnag", "Pjöngjang"),
    ])
    func lettersAndSwaps(query: String, written: String) {
        let episode = Episode(title: "t", segments: [Segment(index: 0, start: .zero, text: "Yesterday in \(written) they met.")], format: .text)
        let hits = SearchIndex(episodes: [episode]).search(query).hits()
        #expect(hits.count == 1, "\(query) should find \(written)")
        #expect(hits.first?.fuzzy == true)
        #expect(hits.first?.matched == [written])
    }

    @Test("a word twice in a segment is one hit with two ranges")
    func twice() {
        let hit = Self.index.search("korea").hits().first { $0.start?.formatted == "00:00:56" }!
        #expect(hit.ranges.count == 2)
        #expect(highlighted(hit) == ["Korea", "Korea"])
    }

    @Test("ranges cover exactly the matched text, with combining marks and CJK")
    func ranges() {
        let text = "Cafe\u{0301} in 東京 with Pjöngjang’s ex-officials 🎙️ talk"
        let episode = Episode(title: "t", segments: [Segment(index: 0, start: .zero, text: text)], format: .text)
        let index = SearchIndex(episodes: [episode])
        func marked(_ query: String) -> [String] {
            let hit = index.search(query, exact: true).hits().first { $0.field == .transcript }
            let scalars = Array(text.unicodeScalars)
            return hit?.ranges.map { String(String.UnicodeScalarView(scalars[$0])) } ?? []
        }
        #expect(marked("cafe") == ["Cafe\u{0301}"])
        #expect(marked("\"東京\"") == ["東京"])
        #expect(marked("pjongjang") == ["Pjöngjang’s"])
        #expect(marked("officials") == ["officials"])
        #expect(marked("exofficials") == ["ex-officials"])
        #expect(marked("talk") == ["talk"])
    }

    @Test("many episodes: hits in the order given; fields in screen order")
    func manyEpisodes() {
        let other = Episode(title: "Other", shownotes: "Cyber notes", segments: [Segment(index: 0, start: TimeCode(milliseconds: 5000), text: "cyber again")], format: .text)
        let index = SearchIndex(episodes: [other, Self.sample])
        let hits = index.search("cyber").hits()
        #expect(hits[0].episode == 0 && hits[0].field == .transcript)
        #expect(hits[1].episode == 0 && hits[1].field == .shownotes)
        #expect(hits[2].episode == 1)
    }

    @Test("nothing found, and exclusions alone find nothing")
    func nothing() {
        #expect(Self.index.search("zzzyzx").total == 0)
        #expect(Self.index.search("-korea").total == 0)
    }
}
