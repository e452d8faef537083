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

/// Splits text into searchable words.
///
/// Hyphenated words count as their parts (`Jong-un` → `jong`, `un`) and also
/// joined (`jongun`); a word with an apostrophe counts without it (`koreas`)
/// and as the part before it (`korea`); a run of spoken number words also
/// counts as its digits (`twenty-twenty four` → `2024`). Han, kana and
/// Hangul characters are words of one character each, since those scripts
/// put no spaces between words.
struct WordTokenizer {
    /// Whether to report spoken numbers as digit aliases.
    var spokenNumbers = true

    func tokens(_ text: String) -> [WordToken] {
        var state = State()
        state.spokenNumbers = spokenNumbers
        var scalarOffset: Int32 = 0
        for scalar in text.unicodeScalars {
            state.take(scalar, at: scalarOffset)
            scalarOffset += 1
        }
        state.endGroup()
        state.flushNumbers(spokenNumbers)
        // Aliases were added after the words they cover; keep position order.
        return state.output.enumerated().sorted {
            ($0.element.position, $0.offset) < ($1.element.position, $1.offset)
        }.map(\.element)
    }

    private struct Part {
        var bytes: [UInt8]
        var prefixLength: Int?
        var offset: Int32
        var end: Int32
    }

    private enum Joiner { case hyphen, apostrophe }

    private struct State {
        var output: [WordToken] = []
        var parts: [Part] = []
        var current: [UInt8] = []
        var currentPrefix: Int?
        var currentStart: Int32 = 0
        var currentEnd: Int32 = 0
        var pending: Joiner?
        var nextPosition: Int32 = 0
        /// Punctuation since the last word: it breaks a spoken number.
        var gap = false
        var numberRun: [WordToken] = []
        var spokenNumbers = true

        mutating func take(_ scalar: Unicode.Scalar, at offset: Int32) {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                if (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) {
                    wordScalar(scalar, at: offset)
                } else if byte == 45 {
                    joiner(.hyphen, at: offset)
                } else if byte == 39 {
                    joiner(.apostrophe, at: offset)
                } else {
                    separator(isSpace: byte == 32 || byte == 9 || byte == 10 || byte == 13)
                }
                return
            }
            if value == 0x2019 || value == 0x02BC || value == 0x2018 {
                joiner(.apostrophe, at: offset)
            } else if value == 0x2010 || value == 0x2011 {
                joiner(.hyphen, at: offset)
            } else if isIdeographic(value) {
                endGroup()
                current = []
                TextFolding.append(scalar, to: &current)
                currentStart = offset
                currentEnd = offset + 1
                finishPart()
                endGroup()
            } else if TextFolding.isCombiningMark(value) || scalar.properties.generalCategory == .spacingMark
                        || scalar.properties.generalCategory == .nonspacingMark {
                if !current.isEmpty { currentEnd = offset + 1 } // belongs to the letter before it
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                wordScalar(scalar, at: offset)
            } else {
                separator(isSpace: scalar.properties.isWhitespace)
            }
        }

        mutating func wordScalar(_ scalar: Unicode.Scalar, at offset: Int32) {
            if current.isEmpty && parts.isEmpty {
                currentStart = offset
            } else if let joiner = pending {
                if joiner == .hyphen {
                    finishPart()
                    currentStart = offset
                } else if currentPrefix == nil {
                    currentPrefix = current.count
                }
            } else if current.isEmpty {
                currentStart = offset
            }
            pending = nil
            TextFolding.append(scalar, to: &current)
            currentEnd = offset + 1
        }

        mutating func joiner(_ kind: Joiner, at offset: Int32) {
            if !current.isEmpty && pending == nil {
                pending = kind
            } else {
                separator(isSpace: false)
            }
        }

        mutating func separator(isSpace: Bool) {
            endGroup()
            if !isSpace { gap = true }
        }

        mutating func finishPart() {
            guard !current.isEmpty else { return }
            parts.append(Part(bytes: current, prefixLength: currentPrefix, offset: currentStart, end: currentEnd))
            current = []
            currentPrefix = nil
        }

        mutating func endGroup() {
            finishPart()
            pending = nil
            guard !parts.isEmpty else { return }
            let first = nextPosition
            for part in parts {
                let term = String(decoding: part.bytes, as: UTF8.self)
                let token = WordToken(term: term, position: nextPosition, span: 1, offset: part.offset,
                                      length: part.end - part.offset, isAlias: false)
                noteForNumbers(token)
                output.append(token)
                if let prefix = part.prefixLength, prefix > 0 {
                    output.append(WordToken(term: String(decoding: part.bytes[..<prefix], as: UTF8.self), position: nextPosition,
                                            span: 1, offset: part.offset, length: part.end - part.offset, isAlias: true))
                }
                nextPosition += 1
            }
            if parts.count > 1 {
                let joined = parts.flatMap(\.bytes)
                output.append(WordToken(term: String(decoding: joined, as: UTF8.self), position: first,
                                        span: Int32(parts.count), offset: parts[0].offset,
                                        length: parts[parts.count - 1].end - parts[0].offset, isAlias: true))
            }
            parts.removeAll(keepingCapacity: true)
        }

        mutating func noteForNumbers(_ token: WordToken) {
            guard spokenNumbers else { return }
            let isNumber = SpokenNumbers.isNumberWord(token.term) || (token.term == "and" && !numberRun.isEmpty)
            if gap || !isNumber { flushNumbers(true) }
            gap = false
            if isNumber { numberRun.append(token) }
        }

        mutating func flushNumbers(_ enabled: Bool) {
            defer { numberRun.removeAll(keepingCapacity: true) }
            guard enabled else { return }
            while numberRun.last?.term == "and" || numberRun.last?.term == "oh" && numberRun.count == 1 { numberRun.removeLast() }
            guard let first = numberRun.first, let last = numberRun.last else { return }
            for word in numberRun where word.term != "and" {
                if let value = SpokenNumbers.value(of: [word.term]) {
                    output.append(WordToken(term: String(value), position: word.position, span: 1, offset: word.offset,
                                            length: word.length, isAlias: true))
                }
            }
            if numberRun.count > 1, let value = SpokenNumbers.value(of: numberRun.map(\.term)) {
                output.append(WordToken(term: String(value), position: first.position,
                                        span: last.position - first.position + 1, offset: first.offset,
                                        length: last.offset + last.length - first.offset, isAlias: true))
            }
        }

        func isIdeographic(_ value: UInt32) -> Bool {
            (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
                || (0xAC00...0xD7AF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FA1F).contains(value)
        }
    }
}
