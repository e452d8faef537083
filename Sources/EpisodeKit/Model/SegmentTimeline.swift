/// Finds the segment that is playing at a given time with a binary search.
///
/// Sources sometimes carry times that go backwards or overlap; segments stay
/// in source order for display, and this timeline keeps its own copy of the
/// start times sorted so lookups stay correct and logarithmic.
public struct SegmentTimeline: Sendable {
    /// Start times in ms, sorted; and which segment each is, when that is
    /// not simply its place (times out of order). Nearly every transcript
    /// is in order, and a million lines then cost one array, not two.
    private let starts: [Int]
    private let segmentAt: [Int]?

    public init(segments: [Segment]) {
        self.init(segments: Transcript(segments))
    }

    /// Reads only the starts: a packed transcript makes no segments for it.
    public init(segments: Transcript) {
        let times = segments.indices.map { segments.start(at: $0).milliseconds }
        if zip(times, times.dropFirst()).allSatisfy({ $0 <= $1 }) {
            starts = times
            segmentAt = nil
        } else {
            let order = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
            starts = order.map { times[$0] }
            segmentAt = order
        }
    }

    /// The index of the segment playing at `time`: the last one starting at or
    /// before it. Before the first segment this is the first; after the last,
    /// the last. `nil` only when there are no segments.
    public func segmentIndex(at time: TimeCode) -> Int? {
        guard !starts.isEmpty else { return nil }
        var low = 0
        var high = starts.count  // first position whose start is after `time`
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= time.milliseconds {
                low = middle + 1
            } else {
                high = middle
            }
        }
        let place = max(low - 1, 0)
        return segmentAt?[place] ?? place
    }
}
