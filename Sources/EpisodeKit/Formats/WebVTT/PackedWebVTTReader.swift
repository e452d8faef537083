/// Reads a WebVTT file straight from its bytes into packed lines (see
/// `PackedLines`): no decoded copy of the file, no array of its lines, no
/// `String` per cue. A million-line caption file is read in a fraction of
/// the time and memory `WebVTTReader` needs, and what it finds is the same.
///
/// It reads the files nearly every publisher writes: UTF-8 (or ASCII), LF
/// or CRLF line ends, cues with at most voice tags, no broken cues, no
/// rolling captions. For anything else it answers nil and `WebVTTReader`
/// reads the file, so warnings, encodings and rolling captions are its
/// alone. A cue of several lines, or with references (`&amp;`) or white
/// space beyond ASCII, is cleaned by `VoiceSpans` as `WebVTTReader` cleans it.
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

enum PackedWebVTTReader {
    /// - Parameter halvesFrom: the size from which a file is read in two halves at once (tests make it small).
    static func read(_ bytes: [UInt8], title: String, halvesFrom: Int = 1 << 18) -> Episode? {
        let lines = bytes.withUnsafeBufferPointer { buffer -> PackedLines.Builder? in
            guard let start = CaptionBytes.bodyStart(buffer) else { return nil }
            // A long file is read in two halves at once, cut after an empty
            // line: whatever came before, a reader is then between cues.
            guard buffer.count >= halvesFrom, let cut = CaptionBytes.cut(buffer, near: buffer.count / 2) else {
                var reader = Reader(bytes: buffer, source: bytes)
                return reader.read(start..<buffer.count, resumed: false) ? reader.lines : nil
            }
            let halves = Locked([Reader?](repeating: nil, count: 2))
            let shared = SharedBytes(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                var reader = Reader(bytes: shared.buffer, source: bytes)
                let read = half == 0 ? reader.read(start..<cut, resumed: false) : reader.read(cut..<shared.buffer.count, resumed: true)
                if read { halves.withLock { $0[half] = reader } }
            }
            guard let first = halves.withLock({ $0[0] }), let second = halves.withLock({ $0[1] }),
                  !Reader.rollsAcross(first, second) else { return nil }
            var lines = first.lines
            lines.append(second.lines)
            return lines
        }
        guard let lines else { return nil }
        var episode = Episode(title: title, format: .webVTT)
        episode.segments = Transcript(packed: PackedLines(builder: lines))
        return episode
    }

    /// The file's bytes, read by both halves' readers at once (never written).
    private struct SharedBytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }

    /// Reads lines of the file; its bytes stay the caller's and outlive it.
    private struct Reader: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        var lines: PackedLines.Builder
        /// The payload lines of the cue being read.
        var payload: [Range<Int>] = []
        var timing: CueTiming?
        /// Rolling-caption watch: the last line of the cue before, and how
        /// many cues in a row began with it (three mean the file may roll).
        var previousLast: [UInt8]?
        var run = 0
        var rolls = false
        /// For joining two halves: the first cue's first line, and how many
        /// cues after it repeated the line before them, from the start on.
        var firstEdge: [UInt8]?
        var leadingRun = 0
        var cuesWatched = 0
        var scratch: [UInt8] = []
        /// The text runs of the voice being read.
        var pieces: [Range<Int>] = []
        var lastName: (range: Range<Int>, name: String)?

        init(bytes: UnsafeBufferPointer<UInt8>, source: [UInt8]) {
            self.bytes = bytes
            lines = PackedLines.Builder(source: source, capacity: bytes.count / 64)
        }

        enum State { case header, between, afterIdentifier, inCue, skippingBlock }

        /// Reads the lines starting in `range` (which starts a line); a
        /// `resumed` reading starts after an empty line of a file whose
        /// signature was read already. False for a file to leave to the
        /// general reader.
        mutating func read(_ range: Range<Int>, resumed: Bool) -> Bool {
            var lineStart = range.lowerBound
            var state = resumed ? State.between : .header
            var sawSignature = resumed
            let atEnd = range.upperBound == bytes.count
            while lineStart < range.upperBound || (atEnd && lineStart == range.upperBound) {
                var lineEnd = find(10, in: lineStart..<bytes.count) ?? bytes.count
                let next = lineEnd + 1
                if lineEnd > lineStart && bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
                let line = lineStart..<lineEnd
                let blank = isBlank(line)
                if !sawSignature {
                    // The first line with text must be the signature.
                    if !blank {
                        guard hasSignature(line) else { return false }
                        sawSignature = true
                    }
                    lineStart = next
                    continue
                }
                switch state {
                case .header, .skippingBlock:
                    if blank { state = .between }
                case .between:
                    if blank { break }
                    if isBlock(line, "NOTE") || isBlock(line, "STYLE") || isBlock(line, "REGION") {
                        state = .skippingBlock
                    } else if isTimingLine(line) {
                        guard startCue(line) else { return false }
                        state = .inCue
                    } else {
                        state = .afterIdentifier
                    }
                case .afterIdentifier:
                    if blank {
                        state = .between
                    } else if isTimingLine(line) {
                        guard startCue(line) else { return false }
                        state = .inCue
                    } else {
                        return false   // a warning: the general reader's
                    }
                case .inCue:
                    if blank {
                        // A line of spaces inside a cue needs a look ahead: the general reader's.
                        guard line.isEmpty else { return false }
                        finishCue()
                        state = .between
                    } else if isTimingLine(line) {
                        finishCue()
                        guard startCue(line) else { return false }
                    } else {
                        payload.append(line)
                    }
                }
                if rolls { return false }
                lineStart = next
            }
            finishCue()
            return !rolls && sawSignature
        }

        /// Whether the cues at the seam of two halves make a run of three
        /// repeats (what reading the file whole would have seen).
        static func rollsAcross(_ first: Reader, _ second: Reader) -> Bool {
            guard let last = first.previousLast, let edge = second.firstEdge, edge == last else { return false }
            return first.run + 1 + second.leadingRun >= 3
        }

        func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }

        /// The first place of a byte in a range (`memchr`).
        func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
            guard !range.isEmpty, let base = bytes.baseAddress,
                  let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        /// `CueTiming.isTimingLine` (two dashes or more, then `>`: that is,
        /// `-->` somewhere), looking only at each `>`.
        func isTimingLine(_ line: Range<Int>) -> Bool {
            var from = line.lowerBound + 2
            while from < line.upperBound, let arrow = find(62, in: from..<line.upperBound) {
                if bytes[arrow - 1] == 45 && bytes[arrow - 2] == 45 { return true }
                from = arrow + 1
            }
            return false
        }

        /// As the general reader tells a blank line (letters beyond ASCII
        /// may be white space too: those lines are asked as text).
        func isBlank(_ range: Range<Int>) -> Bool {
            for index in range where !CaptionBytes.isSpace(bytes[index]) {
                return bytes[index] < 0x80 ? false : String(decoding: slice(range), as: UTF8.self).isBlank
            }
            return true
        }

        func hasSignature(_ line: Range<Int>) -> Bool {
            var start = line.lowerBound
            while start < line.upperBound && CaptionBytes.isSpace(bytes[start]) { start += 1 }
            let rest = slice(start..<line.upperBound)
            // A mark after the signature joins its last letter (the general reader compares characters).
            return rest.starts(with: Array("WEBVTT".utf8)) && (rest.count == 6 || rest[6] < 0x80)
        }

        func isBlock(_ line: Range<Int>, _ name: String) -> Bool {
            let text = slice(line)
            guard text.starts(with: name.utf8) else { return false }
            let count = name.utf8.count
            return text.count == count || text[count] == 32 || text[count] == 9
        }

        mutating func startCue(_ line: Range<Int>) -> Bool {
            guard let parsed = CueTiming.parse(bytes: slice(line)) else { return false }
            timing = parsed
            payload.removeAll(keepingCapacity: true)
            return true
        }

        /// The cue's voices as lines, and its first and last lines for the
        /// rolling-caption watch.
        mutating func finishCue() {
            guard let timing else { return }
            self.timing = nil
            let start = timing.start.milliseconds, end = timing.end.milliseconds
            let firstLine = lines.count
            if payload.count == 1, isSimple(payload[0]) {
                addVoices(payload[0], start: start, end: end)
            } else {
                // Several lines, references or white space beyond ASCII: cleaned as the general reader cleans them.
                let text = payload.map { String(decoding: slice($0), as: UTF8.self) }.joined(separator: "\n")
                for voice in VoiceSpans.split(text) {
                    lines.add(start: start, end: end, speaker: voice.speaker, text: Array(voice.text.utf8))
                }
            }
            watchRolling(firstLine: firstLine)
        }

        /// Without references or white space beyond ASCII (U+0085, U+00A0,
        /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000),
        /// the line's text is cleaned on bytes exactly as `VoiceSpans` cleans it.
        func isSimple(_ line: Range<Int>) -> Bool {
            var index = line.lowerBound
            while index < line.upperBound {
                // Eight bytes at a time while there is no `&` and nothing beyond ASCII.
                if index + 8 <= line.upperBound {
                    let word = CaptionBytes.word(bytes, at: index), amps = word ^ (CaptionBytes.ones &* 38)
                    if (word | ((amps &- CaptionBytes.ones) & ~amps)) & CaptionBytes.highs == 0 { index += 8; continue }
                }
                let byte = bytes[index]
                if byte == 38 { return false }
                if byte >= 0xC2 && byte <= 0xE3 {
                    let second = index + 1 < line.upperBound ? bytes[index + 1] : 0
                    let third = index + 2 < line.upperBound ? bytes[index + 2] : 0
                    switch (byte, second) {
                    case (0xC2, 0x85), (0xC2, 0xA0): return false
                    case (0xE1, 0x9A): if third == 0x80 { return false }
                    case (0xE2, 0x80): if third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { return false }
                    case (0xE2, 0x81): if third == 0x9F { return false }
                    case (0xE3, 0x80): if third == 0x80 { return false }
                    default: break
                    }
                }
                index += 1
            }
            return true
        }

        /// `VoiceSpans.split` on one simple line: tags dropped, `<v Name>`
        /// and `</v>` change the speaker, each voice's text folded.
        mutating func addVoices(_ line: Range<Int>, start: Int, end: Int) {
            var speaker: String?
            var added = false
            var textStart = line.lowerBound
            pieces.removeAll(keepingCapacity: true)
            var index = line.lowerBound
            while index < line.upperBound {
                guard let open = find(60, in: index..<line.upperBound) else { break }
                index = open
                guard let close = find(62, in: index..<line.upperBound) else { break }
                if textStart < index { pieces.append(textStart..<index) }
                let tag = (index + 1)..<close
                let tagBytes = slice(tag)
                if tagBytes.count >= 2, tagBytes[0] == 118, tagBytes[1] == 32 || tagBytes[1] == 46 || tagBytes[1] == 9 {
                    if endVoice(start: start, end: end, speaker: speaker) { added = true }
                    var nameStart = tag.lowerBound + (tagBytes.firstIndex { $0 == 32 || $0 == 9 } ?? tagBytes.count)
                    var nameEnd = tag.upperBound
                    while nameStart < nameEnd && CaptionBytes.isSpace(bytes[nameStart]) { nameStart += 1 }
                    while nameEnd > nameStart && CaptionBytes.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
                    speaker = nameStart < nameEnd ? name(nameStart..<nameEnd) : nil
                } else if tagBytes.count == 2, tagBytes[0] == 47, tagBytes[1] == 118 {
                    if endVoice(start: start, end: end, speaker: speaker) { added = true }
                    speaker = nil
                }
                index = close + 1
                textStart = index
            }
            if textStart < line.upperBound { pieces.append(textStart..<line.upperBound) }
            if endVoice(start: start, end: end, speaker: speaker) { added = true }
            // An empty cue stays a line, so line counts match the file.
            if !added { lines.add(start: start, end: end, speaker: speaker, sourceRange: line.lowerBound..<line.lowerBound) }
        }

        /// The voice's text gathered so far, added as a line; false when it folds to nothing.
        mutating func endVoice(start: Int, end: Int, speaker: String?) -> Bool {
            defer { pieces.removeAll(keepingCapacity: true) }
            return addFolded(pieces, start: start, end: end, speaker: speaker)
        }

        /// A speaker's name; the one before again without making a new string
        /// (a transcript names the same few speakers over and over).
        mutating func name(_ range: Range<Int>) -> String {
            if let lastName, slice(range).elementsEqual(slice(lastName.range)) { return lastName.name }
            let made = String(decoding: slice(range), as: UTF8.self)
            lastName = (range, made)
            return made
        }

        /// Adds a voice's text, folded; false when it folds to nothing. One
        /// piece that needs no folding is kept as the file's own bytes.
        mutating func addFolded(_ pieces: [Range<Int>], start: Int, end: Int, speaker: String?) -> Bool {
            if pieces.count == 1, let range = pieces.first, CaptionBytes.isFolded(bytes, range) {
                guard !range.isEmpty else { return false }
                lines.add(start: start, end: end, speaker: speaker, sourceRange: range)
                return true
            }
            scratch.removeAll(keepingCapacity: true)
            let bytes = self.bytes
            WhitespaceFolding.append(folding: pieces.lazy.flatMap { bytes[$0] }, to: &scratch)
            guard !scratch.isEmpty else { return false }
            lines.add(start: start, end: end, speaker: speaker, text: scratch)
            return true
        }

        /// As `RollingCaptions` decides: a cue whose first line repeats the
        /// last line of the cue before, three cues in a row, may be rolling;
        /// the general reader then reads the file.
        mutating func watchRolling(firstLine: Int) {
            // The usual cue, one line of one voice: its text is both edges, compared in place.
            if payload.count == 1 && lines.count == firstLine + 1 {
                let repeats = previousLast.map { last in lines.withText(firstLine) { !$0.isEmpty && $0.elementsEqual(last) } } ?? false
                var last = previousLast ?? []
                last.removeAll(keepingCapacity: true)
                lines.withText(firstLine) { last.append(contentsOf: $0) }
                let edge = last.isEmpty ? nil : last
                count(repeats: repeats, first: edge)
                previousLast = edge
                return
            }
            let (first, last) = edgeLines(firstLine: firstLine)
            count(repeats: first != nil && first == previousLast, first: first)
            previousLast = last
        }

        /// One more cue for the rolling watch.
        mutating func count(repeats: Bool, first: [UInt8]?) {
            if cuesWatched == 0 { firstEdge = first } else if repeats && leadingRun == cuesWatched - 1 { leadingRun += 1 }
            cuesWatched += 1
            run = repeats ? run + 1 : 0
            if run >= 3 { rolls = true }
        }

        /// The cue's first and last lines with text, as the rolling check
        /// cleans them. One line: its voices' texts joined by spaces.
        func edgeLines(firstLine: Int) -> (first: [UInt8]?, last: [UInt8]?) {
            if payload.count == 1 {
                var text: [UInt8] = []
                for line in firstLine..<lines.count {
                    lines.withText(line) { bytes in
                        guard !bytes.isEmpty else { return }
                        if !text.isEmpty { text.append(32) }
                        text.append(contentsOf: bytes)
                    }
                }
                return text.isEmpty ? (nil, nil) : (text, text)
            }
            let cleaned = payload.map { RollingCaptions.clean(String(decoding: slice($0), as: UTF8.self)) }.filter { !$0.isEmpty }
            guard let first = cleaned.first, let last = cleaned.last else { return (nil, nil) }
            return (Array(first.utf8), Array(last.utf8))
        }
    }
}
