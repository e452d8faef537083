/// An episode's transcript: its segments in source order.
///
/// Most transcripts keep their segments as an array. A long caption file
/// read by the packed WebVTT reader keeps them packed instead (`PackedLines`:
/// times and speakers in flat arrays, texts as byte ranges of the file), so a
/// million lines cost tens of megabytes rather than a `String` each; a
/// segment is made when it is asked for. Changing a packed transcript turns
/// it into an array first.
public struct Transcript: RandomAccessCollection, MutableCollection, RangeReplaceableCollection,
                          ExpressibleByArrayLiteral, Hashable, Sendable {
    private enum Storage: Sendable {
        case array([Segment])
        case packed(PackedLines)
    }

    private var storage: Storage

    public init() { storage = .array([]) }
    public init(_ segments: [Segment]) { storage = .array(segments) }
    public init(arrayLiteral segments: Segment...) { storage = .array(segments) }
    public init(packed: PackedLines) { storage = .packed(packed) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .array(let segments): segments.count
        case .packed(let lines): lines.count
        }
    }

    public subscript(position: Int) -> Segment {
        get {
            switch storage {
            case .array(let segments): segments[position]
            case .packed(let lines): lines.segment(position)
            }
        }
        set {
            var segments = takeArray()
            segments[position] = newValue
            storage = .array(segments)
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Segment {
        var segments = takeArray()
        segments.replaceSubrange(subrange, with: newElements)
        storage = .array(segments)
    }

    public mutating func reserveCapacity(_ n: Int) {
        var segments = takeArray()
        segments.reserveCapacity(n)
        storage = .array(segments)
    }

    /// The segments as an array, leaving the storage empty so the array
    /// is uniquely held and changes in place.
    private mutating func takeArray() -> [Segment] {
        switch storage {
        case .array(let segments):
            storage = .array([])
            return segments
        case .packed(let lines):
            return (0..<lines.count).map(lines.segment)
        }
    }

    /// Whether the segments are packed (a long caption file).
    public var isPacked: Bool {
        if case .packed = storage { return true }
        return false
    }

    // What the reader asks of every line, answered without making segments.

    /// When a segment starts.
    public func start(at position: Int) -> TimeCode {
        switch storage {
        case .array(let segments): segments[position].start
        case .packed(let lines): TimeCode(milliseconds: lines.starts[position])
        }
    }

    /// A segment's speaker.
    public func speaker(at position: Int) -> String? {
        switch storage {
        case .array(let segments): segments[position].speaker
        case .packed(let lines): lines.speaker(position)
        }
    }

    /// Whether a segment has a speaker other than the segment before it
    /// (where the reader shows the name above the line).
    public func speakerChanges(at position: Int) -> Bool {
        switch storage {
        case .array(let segments):
            guard let speaker = segments[position].speaker else { return false }
            return position == 0 || segments[position - 1].speaker != speaker
        case .packed(let lines):
            let number = lines.speakerNumbers[position]
            return number >= 0 && (position == 0 || lines.speakerNumbers[position - 1] != number)
        }
    }

    /// A segment's text.
    public func text(at position: Int) -> String {
        switch storage {
        case .array(let segments): segments[position].text
        case .packed(let lines): lines.text(position)
        }
    }

    /// A segment's text as UTF-8 bytes (for a packed transcript, without making a `String`).
    public func withTextBytes<R>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .array(let segments):
            var text = segments[position].text
            return text.withUTF8(body)
        case .packed(let lines):
            return lines.withText(position, body)
        }
    }

    /// The latest end of any segment (zero when there are none).
    public var latestEnd: TimeCode {
        switch storage {
        case .array(let segments): segments.map(\.end).max() ?? .zero
        case .packed(let lines): TimeCode(milliseconds: lines.ends.max() ?? 0)
        }
    }

    /// The earliest and latest starts (zero when there are none).
    public var startRange: (earliest: TimeCode, latest: TimeCode) {
        switch storage {
        case .array(let segments):
            return (segments.map(\.start).min() ?? .zero, segments.map(\.start).max() ?? .zero)
        case .packed(let lines):
            return (TimeCode(milliseconds: lines.starts.min() ?? 0), TimeCode(milliseconds: lines.starts.max() ?? 0))
        }
    }

    /// Speakers in order of first appearance.
    public var speakers: [String] {
        switch storage {
        case .array(let segments):
            var seen = Set<String>()
            var names: [String] = []
            for case let name? in segments.map(\.speaker) where seen.insert(name).inserted {
                names.append(name)
            }
            return names
        case .packed(let lines):
            return lines.speakerNames
        }
    }

    public static func == (lhs: Transcript, rhs: Transcript) -> Bool {
        lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for segment in self { hasher.combine(segment) }
    }
}
