/// One searchable word of a text: its folded form, where it stands among
/// the words (for phrases), and where it is in the text (for highlighting).
struct WordToken: Equatable {
    /// Folded form (`pjongjang`, `koreas`, `2024`).
    var term: String
    /// Word number within the text; aliases share the position of their first word.
    var position: Int32
    /// How many word positions this token covers (2 for `jongun` from `Jong-un`).
    var span: Int32
    /// Offset and length in Unicode scalars of the displayed text.
    var offset: Int32
    var length: Int32
    /// An extra form of words already counted: a hyphenated word joined, the
    /// part before an apostrophe, a spoken number's digits.
    var isAlias: Bool
}

/// A token as the tokenizer hands it out: its folded bytes are only valid
/// during the call, so building an index allocates nothing per word.
struct RawToken {
    var bytes: UnsafeBufferPointer<UInt8>
    /// The folded bytes' first eight and next eight, as `TermTable.head`
    /// and `TermTable.second` give them: the term table and the number
    /// words' table both start from them.
    var head: UInt64
    var second: UInt64
    var position: Int32
    var span: Int32
    var offset: Int32
    var length: Int32
    var isAlias: Bool
}

/// Splits text into searchable words.
///
/// Hyphenated words count as their parts (`Jong-un` → `jong`, `un`) and also
/// joined (`jongun`); a word with an apostrophe counts without it (`koreas`)
/// and as the part before it (`korea`); a run of spoken number words also
/// counts as its digits (`twenty-twenty four` → `2024`). Han, kana and
/// Hangul characters are words of one character each, since those scripts
/// put no spaces between words.
///
/// Works on UTF-8 bytes with an ASCII fast path; the index calls
/// `forEachToken`, the highlighter `tokens`.
struct WordTokenizer {
    /// Whether to report spoken numbers as digit aliases.
    var spokenNumbers = true

    /// Tokens in position order, with their terms as strings.
    func tokens(_ text: String) -> [WordToken] {
        var output: [WordToken] = []
        forEachToken(text) { raw in
            output.append(WordToken(term: String(decoding: raw.bytes, as: UTF8.self), position: raw.position, span: raw.span,
                                    offset: raw.offset, length: raw.length, isAlias: raw.isAlias))
        }
        // Number aliases arrive after the words they cover; keep position order.
        return output.enumerated().sorted {
            ($0.element.position, $0.offset) < ($1.element.position, $1.offset)
        }.map(\.element)
    }

    /// The scanner's buffers, kept from one text to the next: an index
    /// tokenises hundreds of thousands of short texts with one tokenizer.
    /// (A tokenizer belongs to one thread at a time.)
    private let scratch = ScannerScratch()

    init(spokenNumbers: Bool = true) {
        self.spokenNumbers = spokenNumbers
    }

    /// Calls `body` for every word and alias of `text`.
    func forEachToken(_ text: String, _ body: (RawToken) -> Void) {
        var text = text
        text.makeContiguousUTF8()
        let spokenNumbers = self.spokenNumbers
        let scratch = self.scratch
        text.utf8.withContiguousStorageIfAvailable { bytes in
            scratch.scanner.reset(spokenNumbers: spokenNumbers)
            scratch.scanner.scan(bytes, body)
        }
    }
}

private final class ScannerScratch {
    var scanner = TokenScanner(spokenNumbers: true)
    deinit { scanner.group.free() }
}

/// The tokenizer's state while it walks one text.
struct TokenScanner {
    var spokenNumbers: Bool
    /// Folded bytes of the current word group (hyphenated parts without
    /// their hyphens): the first `groupCount` of `group`. The arrays are
    /// never shrunk, only overwritten: emptying an array for every word
    /// cost more than the word.
    var group = GroupBytes()
    /// One scalar's folded bytes, on their way into the group.
    var folded: [UInt8] = []
    var groupCount = 0
    /// The parts of the group (the first `partsCount`): byte range in `group`, apostrophe prefix, scalar offsets.
    var parts: [(start: Int, end: Int, prefix: Int, offset: Int32, endOffset: Int32)] = []
    var partsCount = 0
    var partStart = 0
    var partPrefix = -1
    var partOffset: Int32 = 0
    var partEndOffset: Int32 = 0
    var pendingHyphen = false
    var pendingApostrophe = false
    var nextPosition: Int32 = 0
    /// Punctuation since the last word: it breaks a spoken number.
    var gap = false
    /// The number words of the run so far: where each is kept in
    /// `numberWords`, and where it stands.
    var numberRun: [(place: Int, position: Int32, offset: Int32, length: Int32)] = []
    var digits: [UInt8] = []
    let numberWords = NumberWordTable.shared

    init(spokenNumbers: Bool) {
        self.spokenNumbers = spokenNumbers
    }

    /// Ready for a new text, keeping the buffers' memory.
    mutating func reset(spokenNumbers: Bool) {
        self.spokenNumbers = spokenNumbers
        groupCount = 0
        partsCount = 0
        partStart = 0
        partPrefix = -1
        partOffset = 0
        partEndOffset = 0
        pendingHyphen = false
        pendingApostrophe = false
        nextPosition = 0
        gap = false
        numberRun.removeAll(keepingCapacity: true)
        digits.removeAll(keepingCapacity: true)
    }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (RawToken) -> Void) {
        var index = 0
        var offset: Int32 = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if ASCIIRun.isWordByte(byte) {
                    // A run of ASCII letters and digits at once: most of any text.
                    let end = ASCIIRun.runEnd(bytes, from: index)
                    if groupCount == 0 && partsCount == 0
                        && (end == count || (bytes[end] < 0x80 && bytes[end] != 45 && bytes[end] != 39)) {
                        // A word standing alone (nearly every word): no
                        // hyphen or apostrophe joins it to the next, and no
                        // mark beyond ASCII can lengthen it.
                        emitAlone(bytes, index..<end, offset: offset, body)
                        if end < count && bytes[end] == 32 {
                            // The space after it: with the group empty, it
                            // ends nothing (as `endGroup` would find).
                            offset += Int32(end - index) + 1
                            index = end + 1
                            continue
                        }
                    } else {
                        startWordScalar(at: offset)
                        pushRun(bytes, index..<end)
                        partEndOffset = offset + Int32(end - index)
                    }
                    offset += Int32(end - index)
                    index = end
                    continue
                }
                index += 1
                if byte == 45 {
                    joiner(hyphen: true, body)
                } else if byte == 39 {
                    joiner(hyphen: false, body)
                } else {
                    endGroup(body)
                    if byte != 32 && byte != 10 && byte != 9 && byte != 13 { gap = true }
                }
                offset += 1
                continue
            }
            // Decode one multi-byte scalar.
            var value: UInt32
            var length: Int
            if byte & 0xE0 == 0xC0 { value = UInt32(byte & 0x1F); length = 2 }
            else if byte & 0xF0 == 0xE0 { value = UInt32(byte & 0x0F); length = 3 }
            else { value = UInt32(byte & 0x07); length = 4 }
            for continuation in 1..<length where index + continuation < count {
                value = value << 6 | UInt32(bytes[index + continuation] & 0x3F)
            }
            index += length
            other(Unicode.Scalar(value) ?? "\u{FFFD}", at: offset, body)
            offset += 1
        }
        endGroup(body)
        flushNumbers(body)
    }

    /// A word standing alone, handed out as endGroup would hand it out:
    /// its first sixteen bytes folded eight at a time (for a letter or a
    /// digit, setting bit 5 lowercases it) and kept in registers for the
    /// token, the group buffer holding its bytes for the length of `body`.
    @inline(__always)
    mutating func emitAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, offset: Int32,
                            _ body: (RawToken) -> Void) {
        let length = run.count
        group.reserve(length + Self.slack)
        let head = ASCIIRun.foldedChunk(bytes, from: run.lowerBound, count: length)
        let second = length > 8 ? ASCIIRun.foldedChunk(bytes, from: run.lowerBound + 8, count: length - 8) : 0
        let group = self.group.base
        let raw = UnsafeMutableRawPointer(group)
        raw.storeBytes(of: head.littleEndian, toByteOffset: 0, as: UInt64.self)
        raw.storeBytes(of: second.littleEndian, toByteOffset: 8, as: UInt64.self)
        var at = 16
        while at < length {
            group[at] = bytes[run.lowerBound + at] | 0x20
            at += 1
        }
        let token = RawToken(bytes: UnsafeBufferPointer(start: group, count: length), head: head, second: second,
                             position: nextPosition, span: 1, offset: offset, length: Int32(length), isAlias: false)
        noteForNumbers(token, body)
        body(token)
        nextPosition += 1
    }

    /// A run of ASCII letters and digits, lowercased, written into the group at once.
    @inline(__always)
    mutating func pushRun(_ bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) {
        let needed = groupCount + run.count
        group.reserve(needed + Self.slack)
        let group = self.group.base
        var at = groupCount
        for index in run {
            group[at] = bytes[index] | 0x20   // a letter or a digit: bit 5 lowercases it
            at += 1
        }
        groupCount = needed
    }

    /// A scalar folded into the group (the slow path, for letters beyond ASCII).
    mutating func pushGroup(_ scalar: Unicode.Scalar) {
        folded.removeAll(keepingCapacity: true)
        TextFolding.append(scalar, to: &folded)
        group.reserve(groupCount + folded.count + Self.slack)
        for byte in folded {
            group.base[groupCount] = byte
            groupCount += 1
        }
    }

    /// Bytes kept readable past the group's words, so a word's first
    /// sixteen bytes are read as two loads (`token`).
    static let slack = 16

    /// A token of the group's bytes in `range`, its head and second read
    /// past its end (the slack) and masked to its length.
    @inline(__always)
    static func token(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, position: Int32, span: Int32,
                      offset: Int32, length: Int32, isAlias: Bool) -> RawToken {
        let start = UnsafeRawPointer(buffer.baseAddress! + range.lowerBound)
        let count = range.count
        let head = ASCIIRun.masked(UInt64(littleEndian: start.loadUnaligned(as: UInt64.self)), count)
        let second = ASCIIRun.masked(UInt64(littleEndian: (start + 8).loadUnaligned(as: UInt64.self)), count &- 8)
        return RawToken(bytes: UnsafeBufferPointer(rebasing: buffer[range]), head: head, second: second, position: position,
                        span: span, offset: offset, length: length, isAlias: isAlias)
    }

    /// Bookkeeping before a word character joins the group.
    @inline(__always)
    mutating func startWordScalar(at offset: Int32) {
        if groupCount == partStart && partsCount == 0 {
            partOffset = offset
        } else if pendingHyphen {
            finishPart()
            partOffset = offset
        } else if pendingApostrophe, partPrefix < 0 {
            partPrefix = groupCount - partStart
        }
        pendingHyphen = false
        pendingApostrophe = false
    }

    mutating func other(_ scalar: Unicode.Scalar, at offset: Int32, _ body: (RawToken) -> Void) {
        let value = scalar.value
        if value == 0x2019 || value == 0x02BC || value == 0x2018 {
            joiner(hyphen: false, body)
        } else if value == 0x2010 || value == 0x2011 {
            joiner(hyphen: true, body)
        } else if Self.isIdeographic(value) {
            endGroup(body)
            partOffset = offset
            pushGroup(scalar)
            partEndOffset = offset + 1
            endGroup(body)
        } else if TextFolding.isCombiningMark(value) || scalar.properties.generalCategory == .nonspacingMark
                    || scalar.properties.generalCategory == .spacingMark {
            if groupCount > partStart { partEndOffset = offset + 1 }  // belongs to the letter before it
        } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            startWordScalar(at: offset)
            pushGroup(scalar)
            partEndOffset = offset + 1
        } else {
            endGroup(body)
            if !scalar.properties.isWhitespace { gap = true }
        }
    }

    mutating func joiner(hyphen: Bool, _ body: (RawToken) -> Void) {
        if groupCount > partStart && !pendingHyphen && !pendingApostrophe {
            if hyphen { pendingHyphen = true } else { pendingApostrophe = true }
        } else {
            endGroup(body)
            gap = true
        }
    }

    mutating func finishPart() {
        guard groupCount > partStart else { return }
        let part = (start: partStart, end: groupCount, prefix: partPrefix, offset: partOffset, endOffset: partEndOffset)
        if partsCount < parts.count { parts[partsCount] = part } else { parts.append(part) }
        partsCount += 1
        partStart = groupCount
        partPrefix = -1
    }

    mutating func endGroup(_ body: (RawToken) -> Void) {
        finishPart()
        pendingHyphen = false
        pendingApostrophe = false
        guard partsCount > 0 else {
            groupCount = 0
            partStart = 0
            return
        }
        let first = nextPosition
        // One word, no apostrophe (nearly every word): handed out directly.
        if partsCount == 1 && parts[0].prefix <= 0 {
            let part = parts[0]
            do {
                let buffer = UnsafeBufferPointer(start: group.base, count: groupCount + Self.slack)
                let token = Self.token(buffer, part.start..<part.end, position: first, span: 1,
                                       offset: part.offset, length: part.endOffset - part.offset, isAlias: false)
                noteForNumbers(token, body)
                body(token)
            }
            nextPosition += 1
            partsCount = 0
            groupCount = 0
            partStart = 0
            return
        }
        do {
            let buffer = UnsafeBufferPointer(start: group.base, count: groupCount + Self.slack)
            for number in 0..<partsCount {
                let part = parts[number]
                let token = Self.token(buffer, part.start..<part.end, position: nextPosition, span: 1, offset: part.offset,
                                       length: part.endOffset - part.offset, isAlias: false)
                noteForNumbers(token, body)
                body(token)
                if part.prefix > 0 {
                    body(Self.token(buffer, part.start..<(part.start + part.prefix), position: nextPosition, span: 1,
                                    offset: part.offset, length: part.endOffset - part.offset, isAlias: true))
                }
                nextPosition += 1
            }
            if partsCount > 1 {
                let firstPart = parts[0], lastPart = parts[partsCount - 1]
                body(Self.token(buffer, firstPart.start..<lastPart.end, position: first, span: Int32(partsCount),
                                offset: firstPart.offset, length: lastPart.endOffset - firstPart.offset, isAlias: true))
            }
        }
        partsCount = 0
        groupCount = 0
        partStart = 0
    }

    static func isIdeographic(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xAC00...0xD7AF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FA1F).contains(value)
    }
}
