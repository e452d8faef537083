/// Finds the segment that is playing at a given time with a binary search.
///
/// Sources sometimes carry times that go backwards or overlap; segments stay
/// in source order for display, and this timeline keeps its own copy of the
/// start times sorted so lookups stay correct and logarithmic.
public struct SegmentTimeline: Sendable {
    /// (start in ms, segment index), sorted by start then index.
    private let starts: [(milliseconds: Int, index: Int)]

    public init(segments: [Segment]) {
        self.init(segments: Transcript(segments))
    }

    /// Reads only the starts: a packed transcript makes no segments for it.
    public init(segments: Transcript) {
        let pairs = segments.indices.map { (milliseconds: segments.start(at: $0).milliseconds, index: $0) }
        let sorted = pairs.isSorted { ($0.milliseconds, $0.index) <= ($1.milliseconds, $1.index) }
        starts = sorted ? pairs : pairs.sorted { ($0.milliseconds, $0.index) < ($1.milliseconds, $1.index) }
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
            if starts[middle].milliseconds <= time.milliseconds {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return starts[max(low - 1, 0)].index
    }
}

extension Sequence {
    fileprivate func isSorted(by ordered: (Element, Element) -> Bool) -> Bool {
        var previous: Element?
        for element in self {
            if let previous, !ordered(previous, element) { return false }
            previous = element
        }
        return true
    }
}
