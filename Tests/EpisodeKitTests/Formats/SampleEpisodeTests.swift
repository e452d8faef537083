import Foundation
import PodreadAssets
import Testing
@testable import EpisodeKit

/// The bundled SWP page, read as a user would get it.
@Suite("The bundled sample episode")
struct SampleEpisodeTests {
    let episode: Episode

    init() throws {
        let url = try #require(BundledEpisodes.sample)
        let data = try Data(contentsOf: url)
        episode = try EpisodeReader.read(bytes: Array(data), fallbackTitle: "sample")
    }

    @Test func titleAndFormat() {
        #expect(episode.title == "Overlooked and underestimated: How North Korea has become a security threat to Europe")
        #expect(episode.format == .pageText)
        #expect(episode.warnings.isEmpty)
    }

    @Test func segments() throws {
        #expect(episode.segments.count == 140)
        let first = try #require(episode.segments.first)
        #expect(first.start.formatted == "00:00:01")
        #expect(first.text == "North Korea's recently revised constitution,")
        #expect(first.end.formatted == "00:00:03")
        let last = try #require(episode.segments.last)
        #expect(last.start.formatted == "00:19:12")
        #expect(last.text == "Thankyou For Tuning In.")
        #expect(last.end == last.start)
        #expect(episode.segments.map(\.index) == Array(0..<140))
        #expect(episode.duration.formatted == "00:19:12")
    }

    @Test func people() {
        #expect(episode.people.count == 2)
        let guest = episode.people.first { $0.role == .guest }
        #expect(guest?.name == "Dr Eric Ballbach")
        #expect(guest?.about == "SWP’s Korea Foundation Fellow. His research focuses on Foreign and security policies of North and South Korea.")
        #expect(episode.people.first { $0.role == .host }?.name == "Esme Nicholson")
    }

    @Test func shownotes() {
        #expect(episode.shownotes.hasPrefix("North Korea should no longer be dismissed"))
        #expect(episode.shownotes.hasSuffix("argues Eric Ballbach."))
    }

    @Test func reading() throws {
        #expect(episode.reading.count == 3)
        let first = episode.reading[0]
        #expect(first.authors == ["Eric J. Ballbach"])
        #expect(first.title == "The K(orea)-Factor in the Zeitenwende. South Korea and the Rebuilding of Germany’s Defence Industrial Base")
        #expect(first.series == "SWP Comment 2026/C 04")
        #expect(first.date?.description == "2026-01-28")
        #expect(episode.reading[1].authors == ["Eric J. Ballbach", "et al."])
        #expect(episode.reading[1].date?.description == "2026-04-27")
        #expect(episode.reading[2].series == "SWP-Aktuell 2024/A 57")
        #expect(episode.reading[2].date?.description == "2024-11-14")
        #expect(episode.reading[2].title == "Nordkoreanische Truppenentsendung nach Russland. Motive Pjöngjangs und Implikationen für Europa")
    }

    @Test("no word of the comment form anywhere")
    func noChrome() {
        let everything = [episode.title, episode.shownotes] + episode.segments.map(\.text)
            + episode.reading.map(\.text) + episode.people.map { $0.name + ($0.about ?? "") }
        for text in everything {
            #expect(!text.contains("Kommentar"))
            #expect(!text.contains("Pseudonym"))
            #expect(!text.contains("Zeichen"))
        }
    }
}
