import Testing
@testable import EpisodeKit

@Suite("Recommended reading")
struct ReadingListTests {
    @Test("references run together are split at their dates")
    func splitting() {
        let items = ReadingList.items(from: ["A. Writer: One, Series 1/2, 01.02.2020 B. Author: Two, 2021-03-04. C. Person: Three"])
        #expect(items.map(\.title) == ["One", "Two", "Three"])
        #expect(items.map { $0.date?.description } == ["2020-02-01", "2021-03-04", nil])
        #expect(items[0].series == "Series 1/2")
    }

    @Test("links are taken out and kept")
    func links() {
        let item = ReadingList.item(from: "Jo Park: A Study, https://example.org/a-study, 5 March 2024")
        #expect(item.url == "https://example.org/a-study")
        #expect(item.title == "A Study")
        #expect(item.date?.description == "2024-03-05")
    }

    @Test("dates in other scripts' digits do not crash")
    func otherDigits() {
        #expect(ReadingList.parseDate("٢٨.٠١.٢٠٢٦") == nil)
        #expect(ReadingList.parseDate("31.02.2026") == nil)
        #expect(ReadingList.parseDate("29.02.2024")?.description == "2024-02-29")
        #expect(ReadingList.parseDate("28.13.2026") == nil)
    }
}
