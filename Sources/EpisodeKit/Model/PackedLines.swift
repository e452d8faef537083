/// Segments kept in flat arrays: what a long caption file's transcript is
/// made of (see `Transcript`).
///
/// A line's text is a byte range of the file it was read from when the file
/// holds it as shown (nearly every cue), else of `extra`, where the few
/// texts that needed cleaning were written. The file's bytes are shared,
/// not copied: the transcript keeps them alive.
public final class PackedLines: Sendable {
    /// The file's bytes.
    let source: [UInt8]
    /// Cleaned texts that are not in the file as they are shown.
    let extra: [UInt8]
    /// Where each text starts: an offset into `source`, or (negative) the
    /// bitwise complement of an offset into `extra`.
    let textStarts: [Int]
    let textLengths: [UInt32]
    /// Times in milliseconds.
    let starts: [Int]
    let ends: [Int]
    /// Each line's speaker as a place in `speakerNames`; -1 for none.
    let speakerNumbers: [Int32]
    /// Speakers in order of first appearance.
    let speakerNames: [String]

    var count: Int { starts.count }

    init(builder: Builder) {
        source = builder.source
        extra = builder.extra
        textStarts = builder.textStarts
        textLengths = builder.textLengths
        starts = builder.starts
        ends = builder.ends
        speakerNumbers = builder.speakerNumbers
        speakerNames = builder.speakerNames
    }

    func segment(_ position: Int) -> Segment {
        Segment(index: position, start: TimeCode(milliseconds: starts[position]), end: TimeCode(milliseconds: ends[position]),
                speaker: speaker(position), text: text(position))
    }

    func speaker(_ position: Int) -> String? {
        let number = Int(speakerNumbers[position])
        return number < 0 ? nil : speakerNames[number]
    }

    func text(_ position: Int) -> String {
        withText(position) { String(decoding: $0, as: UTF8.self) }
    }

    /// A line's text as UTF-8 bytes.
    func withText<R>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Self.withText(start: textStarts[position], length: Int(textLengths[position]), source: source, extra: extra, body)
    }

    static func withText<R>(start: Int, length: Int, source: [UInt8], extra: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let bytes = start >= 0 ? source : extra
        let offset = start >= 0 ? start : ~start
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)])) }
    }

    /// Gathers lines as a reader finds them.
    struct Builder {
        let source: [UInt8]
        var extra: [UInt8] = []
        var textStarts: [Int] = []
        var textLengths: [UInt32] = []
        var starts: [Int] = []
        var ends: [Int] = []
        var speakerNumbers: [Int32] = []
        var speakerNames: [String] = []
        private var numbers: [String: Int32] = [:]
        private var lastSpeaker: (name: String, number: Int32)?

        init(source: [UInt8], capacity: Int) {
            self.source = source
            textStarts.reserveCapacity(capacity)
            textLengths.reserveCapacity(capacity)
            starts.reserveCapacity(capacity)
            ends.reserveCapacity(capacity)
            speakerNumbers.reserveCapacity(capacity)
        }

        var count: Int { starts.count }

        func withText<R>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            PackedLines.withText(start: textStarts[position], length: Int(textLengths[position]), source: source, extra: extra, body)
        }

        /// Another builder's lines (of the same file) after these.
        mutating func append(_ other: Builder) {
            let shift = extra.count
            textStarts.append(contentsOf: other.textStarts.lazy.map { $0 >= 0 ? $0 : ~(~$0 + shift) })
            extra.append(contentsOf: other.extra)
            textLengths.append(contentsOf: other.textLengths)
            starts.append(contentsOf: other.starts)
            ends.append(contentsOf: other.ends)
            let renumbered = other.speakerNames.map { number(of: $0) }
            speakerNumbers.append(contentsOf: other.speakerNumbers.lazy.map { $0 < 0 ? -1 : renumbered[Int($0)] })
        }

        /// A line whose text is `source[range]` as it stands.
        mutating func add(start: Int, end: Int, speaker: String?, sourceRange range: Range<Int>) {
            textStarts.append(range.lowerBound)
            textLengths.append(UInt32(range.count))
            addTimes(start: start, end: end, speaker: speaker)
        }

        /// A line whose text was cleaned.
        mutating func add(start: Int, end: Int, speaker: String?, text: some Collection<UInt8>) {
            textStarts.append(~extra.count)
            textLengths.append(UInt32(text.count))
            extra.append(contentsOf: text)
            addTimes(start: start, end: end, speaker: speaker)
        }

        private mutating func addTimes(start: Int, end: Int, speaker: String?) {
            starts.append(start)
            ends.append(end)
            speakerNumbers.append(number(of: speaker))
        }

        private mutating func number(of speaker: String?) -> Int32 {
            guard let speaker else { return -1 }
            if let lastSpeaker, lastSpeaker.name == speaker { return lastSpeaker.number }
            let number: Int32
            // A few speakers (nearly every transcript) are found by comparing names, without hashing.
            if speakerNames.count <= 8, let known = speakerNames.firstIndex(of: speaker) {
                number = Int32(known)
            } else if speakerNames.count > 8, let known = numbers[speaker] {
                number = known
            } else {
                number = Int32(speakerNames.count)
                speakerNames.append(speaker)
                numbers[speaker] = number
            }
            lastSpeaker = (speaker, number)
            return number
        }
    }
}
