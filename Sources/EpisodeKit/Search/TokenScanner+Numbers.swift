/// Spoken numbers: a run of number words (and `and` inside it) is noted as
/// it goes, and handed out as digit aliases where it ends.
extension TokenScanner {
    @inline(__always)
    mutating func noteForNumbers(_ token: RawToken, _ body: (RawToken) -> Void) {
        guard spokenNumbers else { return }
        let place = numberWords.place(token.bytes, head: token.head)
        // Nearly every word: no number word, and no run of them to end.
        if place < 0 && numberRun.isEmpty {
            gap = false
            return
        }
        noteNumberWord(token, place: place, body)
    }

    mutating func noteNumberWord(_ token: RawToken, place: Int, _ body: (RawToken) -> Void) {
        let kind = place < 0 ? .none : numberWords.kind(at: place)
        let isNumber = kind == .number || (kind == .and && !numberRun.isEmpty)
        if (gap || !isNumber) && !numberRun.isEmpty { flushNumbers(body) }
        gap = false
        if isNumber {
            numberRun.append((place, token.position, token.offset, token.length))
        }
    }

    mutating func flushNumbers(_ body: (RawToken) -> Void) {
        guard !numberRun.isEmpty else { return }
        defer { numberRun.removeAll(keepingCapacity: true) }
        guard spokenNumbers else { return }
        let words = numberWords
        while let last = numberRun.last {
            let term = words.term(at: last.place)
            guard term == "and" || (term == "oh" && numberRun.count == 1) else { break }
            numberRun.removeLast()
        }
        guard let first = numberRun.first, let last = numberRun.last else { return }
        for word in numberRun where words.kind(at: word.place) == .number {
            if let value = words.valueAlone(at: word.place) {
                emitDigits(value, position: word.position, span: 1, offset: word.offset, length: word.length, body)
            }
        }
        if numberRun.count > 1, let value = SpokenNumbers.value(of: numberRun.map { words.term(at: $0.place) }) {
            emitDigits(value, position: first.position, span: last.position - first.position + 1,
                       offset: first.offset, length: last.offset + last.length - first.offset, body)
        }
    }

    /// A number's digits as an alias token (written by hand: no string made).
    mutating func emitDigits(_ value: Int, position: Int32, span: Int32, offset: Int32, length: Int32, _ body: (RawToken) -> Void) {
        digits.removeAll(keepingCapacity: true)
        var rest = value
        repeat {
            digits.append(UInt8(48 + rest % 10))
            rest /= 10
        } while rest > 0
        digits.reverse()
        digits.withUnsafeBufferPointer { buffer in
            body(RawToken(bytes: buffer, head: TermTable.head(buffer), second: TermTable.second(buffer), position: position,
                          span: span, offset: offset, length: length, isAlias: true))
        }
    }
}
