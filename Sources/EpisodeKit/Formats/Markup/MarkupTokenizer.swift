/// A forgiving tokenizer for the markup podcasts publish: RSS feeds (XML) and
/// HTML transcripts. It never fails: broken markup becomes text or is skipped.
/// It never reads a DTD or an external entity; `<!DOCTYPE …>` and processing
/// instructions are passed over.
///
/// It walks UTF-8 bytes: every delimiter of markup is ASCII, and a copy of a
/// large page's scalars would cost more than the tokenizing itself.
struct MarkupTokenizer {
    enum Token: Equatable {
        /// A start tag; `name` is lowercased and keeps any prefix (`podcast:transcript`).
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        /// Text with character references decoded.
        case text(String)
        /// CDATA content, as written.
        case cdata(String)
    }

    private let bytes: [UInt8]
    private var position = 0
    /// Elements whose content is raw text up to their end tag (HTML).
    var rawTextElements: Set<String> = ["script", "style"]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The 1-based line of the text read so far (for messages that name a line).
    var line: Int {
        1 + bytes[..<min(position, bytes.count)].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    mutating func tokens() -> [Token] {
        var result: [Token] = []
        while let token = next() { result.append(token) }
        return result
    }

    mutating func next() -> Token? {
        // A loop, not recursion, over what is skipped: a million comments
        // in a row must not take a million stack frames.
        while position < bytes.count {
            if bytes[position] != Byte.open { return .text(Entities.decode(takeText())) }
            if starts(with: "<!--") {
                skip(past: "-->")
                continue
            }
            if starts(with: "<![CDATA[") {
                position += 9
                return .cdata(take(upTo: "]]>"))
            }
            if starts(with: "<!") || starts(with: "<?") {
                skipDeclaration()
                continue
            }
            if starts(with: "</") {
                position += 2
                let name = takeName()
                skip(past: ">")
                guard !name.isEmpty else { continue }
                return .end(name: name)
            }
            // A start tag needs a letter after `<`; otherwise `<` is text.
            guard let letter = scalar(at: position + 1), letter.scalar.properties.isAlphabetic else {
                position += 1
                return .text("<" + Entities.decode(takeText()))
            }
            position += 1
            return startTag()
        }
        return nil
    }

    private mutating func startTag() -> Token {
        let name = takeName()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while position < bytes.count {
            skipSpaces()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == Byte.close { position += 1; break }
            if byte == Byte.slash { selfClosing = true; position += 1; continue }
            let attribute = takeName()
            if attribute.isEmpty { advanceScalar(); continue }
            skipSpaces()
            var value = ""
            if position < bytes.count, bytes[position] == Byte.equals {
                position += 1
                skipSpaces()
                value = takeAttributeValue()
            }
            attributes[attribute] = Entities.decode(value)
        }
        if rawTextElements.contains(name) && !selfClosing {
            skip(toCaseInsensitive: "</\(name)")
            skip(past: ">")
            return .start(name: name, attributes: attributes, selfClosing: true)
        }
        return .start(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    // MARK: - Scanning

    private enum Byte {
        static let open = UInt8(ascii: "<"), close = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        static let equals = UInt8(ascii: "="), doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
    }

    /// The scalar starting at a byte offset, and its length in bytes.
    private func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    private mutating func advanceScalar() {
        position += scalar(at: position)?.length ?? 1
    }

    /// White space at the position: ASCII answered on the byte, anything else decoded.
    private func isSpace(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return byte == 32 || (byte >= 9 && byte <= 13) }
        return scalar(at: offset)?.scalar.properties.isWhitespace ?? false
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { wanted in
            for offset in 0..<count where bytes[position + offset] != wanted[offset] { return false }
            return true
        }
    }

    private mutating func takeText() -> String {
        let start = position
        position = bytes[position...].firstIndex(of: Byte.open) ?? bytes.count
        return text(start..<position)
    }

    private mutating func takeName() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Byte.close || byte == Byte.slash || byte == Byte.equals || isSpace(at: position) { break }
            position += 1
        }
        return text(start..<position).lowercased()
    }

    private mutating func takeAttributeValue() -> String {
        guard position < bytes.count else { return "" }
        let quote = bytes[position]
        if quote == Byte.doubleQuote || quote == Byte.singleQuote {
            position += 1
            let start = position
            position = bytes[position...].firstIndex(of: quote) ?? bytes.count
            let value = text(start..<position)
            if position < bytes.count { position += 1 }
            return value
        }
        let start = position
        while position < bytes.count, bytes[position] != Byte.close, !isSpace(at: position) { position += 1 }
        return text(start..<position)
    }

    private mutating func skipSpaces() {
        while position < bytes.count, isSpace(at: position) { position += 1 }
    }

    /// The bytes up to a terminator (all of them when it never comes), and
    /// the position after it.
    private mutating func take(upTo terminator: StaticString) -> String {
        let start = position
        while position < bytes.count, !starts(with: terminator) { position += 1 }
        let content = text(start..<min(position, bytes.count))
        position = min(bytes.count, position + terminator.utf8CodeUnitCount)
        return content
    }

    private mutating func skip(past terminator: StaticString) {
        while position < bytes.count, !starts(with: terminator) { position += 1 }
        position = min(bytes.count, position + terminator.utf8CodeUnitCount)
    }

    /// Moves to an ASCII terminator matched without regard to case (`</SCRIPT`).
    private mutating func skip(toCaseInsensitive terminator: String) {
        let target = Array(terminator.lowercased().utf8)
        while position < bytes.count {
            var matches = position + target.count <= bytes.count
            var offset = 0
            while matches && offset < target.count {
                var byte = bytes[position + offset]
                if byte >= 65 && byte <= 90 { byte += 32 }
                matches = byte == target[offset]
                offset += 1
            }
            if matches { return }
            position += 1
        }
    }

    /// `<!DOCTYPE …>` may hold an internal subset in brackets; skip it whole
    /// without reading any of its declarations.
    private mutating func skipDeclaration() {
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") { depth = max(0, depth - 1) }
            if byte == Byte.close && depth == 0 { return }
        }
    }
}
