import Testing
@testable import EpisodeKit

@Suite("Finding the segment at a time")
struct SegmentTimelineTests {
    private func segments(_ starts: [Int]) -> [Segment] {
        starts.enumerated().map { Segment(index: $0.offset, start: TimeCode(milliseconds: $0.element * 1000), text: "s\($0.offset)") }
    }

    @Test func boundaries() {
        let timeline = SegmentTimeline(segments: segments([10, 20, 30]))
        #expect(timeline.segmentIndex(at: TimeCode(milliseconds: 0)) == 0)      // before the first
        #expect(timeline.segmentIndex(at: TimeCode(milliseconds: 10_000)) == 0) // exactly at a start
        #expect(timeline.segmentIndex(at: TimeCode(milliseconds: 19_999)) == 0)
        #expect(timeline.segmentIndex(at: TimeCode(milliseconds: 20_000)) == 1)
        #expect(timeline.segmentIndex(at: TimeCode(milliseconds: 999_000)) == 2) // after the last
        #expect(SegmentTimeline(segments: []).segmentIndex(at: .zero) == nil)
    }

    @Test("times that go backwards still find the right segment")
    func unordered() {
        let timeline = SegmentTimeline(segments: segments([10, 30, 20, 40]))
        #expect(timeline.segmentIndex(at: TimeCode(milliseconds: 25_000)) == 2)
        #expect(timeline.segmentIndex(at: TimeCode(milliseconds: 35_000)) == 1)
        #expect(timeline.segmentIndex(at: TimeCode(milliseconds: 45_000)) == 3)
    }

    @Test("agrees with a linear scan on random timelines")
    func againstScan() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let starts = (0..<Int.random(in: 1...30, using: &generator)).map { _ in Int.random(in: 0...100, using: &generator) }.sorted()
            let list = segments(starts)
            let timeline = SegmentTimeline(segments: list)
            for probe in stride(from: 0, through: 101_000, by: 500) {
                let expected = list.lastIndex { $0.start.milliseconds <= probe } ?? 0
                let found = timeline.segmentIndex(at: TimeCode(milliseconds: probe))!
                #expect(list[found].start == list[expected].start)
            }
        }
    }

    @Test("missing ends become the next start; the last ends at its start")
    func resolvingEnds() {
        let episode = Episode(title: "t", segments: segments([1, 5, 9]), format: .text).resolvingEnds()
        #expect(episode.segments.map(\.end.milliseconds) == [5000, 9000, 9000])
        #expect(episode.duration.milliseconds == 9000)
    }
}
