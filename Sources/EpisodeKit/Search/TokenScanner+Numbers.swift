/// Spoken numbers: a run of number words (and `and` inside it) is noted as
/// it goes, and handed out as digit aliases where it ends.
extension TokenScanner {
    @inline(__always)
    mutating func noteForNumbers(_ token: RawToken, _ body: (RawToken) -> Void) {
        guard spokenNumbers else { return }
        let kind = numberWords.kind(token.bytes, head: token.head)
        // Nearly every word: no number word, and no run of them to end.
        if kind == .none && numberRun.isEmpty {
            gap = false
            return
        }
        noteNumberWord(token, kind: kind, body)
    }

    mutating func noteNumberWord(_ token: RawToken, kind: NumberWordTable.Kind, _ body: (RawToken) -> Void) {
        let isNumber = kind == .number || (kind == .and && !numberRun.isEmpty)
        if (gap || !isNumber) && !numberRun.isEmpty { flushNumbers(body) }
        gap = false
        if isNumber {
            numberRun.append((String(decoding: token.bytes, as: UTF8.self), token.position, token.offset, token.length))
        }
    }

    mutating func flushNumbers(_ body: (RawToken) -> Void) {
        guard !numberRun.isEmpty else { return }
        defer { numberRun.removeAll(keepingCapacity: true) }
        guard spokenNumbers else { return }
        while let last = numberRun.last, last.term == "and" || (last.term == "oh" && numberRun.count == 1) {
            numberRun.removeLast()
        }
        guard let first = numberRun.first, let last = numberRun.last else { return }
        for word in numberRun where word.term != "and" {
            if let value = SpokenNumbers.value(of: [word.term]) {
                emitDigits(value, position: word.position, span: 1, offset: word.offset, length: word.length, body)
            }
        }
        if numberRun.count > 1, let value = SpokenNumbers.value(of: numberRun.map(\.term)) {
            emitDigits(value, position: first.position, span: last.position - first.position + 1,
                       offset: first.offset, length: last.offset + last.length - first.offset, body)
        }
    }

    mutating func emitDigits(_ value: Int, position: Int32, span: Int32, offset: Int32, length: Int32, _ body: (RawToken) -> Void) {
        digits.removeAll(keepingCapacity: true)
        digits.append(contentsOf: String(value).utf8)
        digits.withUnsafeBufferPointer { buffer in
            body(RawToken(bytes: buffer, head: TermTable.head(buffer), second: TermTable.second(buffer), position: position,
                          span: span, offset: offset, length: length, isAlias: true))
        }
    }
}
