/// A forgiving tokenizer for the markup podcasts publish: RSS feeds (XML) and
/// HTML transcripts. It never fails: broken markup becomes text or is skipped.
/// It never reads a DTD or an external entity; `<!DOCTYPE …>` and processing
/// instructions are passed over.
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

    private let scalars: [Unicode.Scalar]
    private var position = 0
    /// Elements whose content is raw text up to their end tag (HTML).
    var rawTextElements: Set<String> = ["script", "style"]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func tokens() -> [Token] {
        var result: [Token] = []
        while let token = next() { result.append(token) }
        return result
    }

    mutating func next() -> Token? {
        guard position < scalars.count else { return nil }
        if scalars[position] != "<" { return .text(Entities.decode(takeText())) }
        if starts(with: "<!--") {
            skip(past: "-->")
            return next()
        }
        if starts(with: "<![CDATA[") {
            position += 9
            let content = take(upTo: "]]>")
            return .cdata(content)
        }
        if starts(with: "<!") || starts(with: "<?") {
            skipDeclaration()
            return next()
        }
        if starts(with: "</") {
            position += 2
            let name = takeName()
            skip(past: ">")
            guard !name.isEmpty else { return next() }
            return .end(name: name)
        }
        // A start tag needs a letter after `<`; otherwise `<` is text.
        guard position + 1 < scalars.count, scalars[position + 1].properties.isAlphabetic else {
            position += 1
            return .text("<" + Entities.decode(takeText()))
        }
        position += 1
        let name = takeName()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while position < scalars.count {
            skipSpaces()
            guard position < scalars.count else { break }
            let scalar = scalars[position]
            if scalar == ">" { position += 1; break }
            if scalar == "/" { selfClosing = true; position += 1; continue }
            let attribute = takeName()
            if attribute.isEmpty { position += 1; continue }
            skipSpaces()
            var value = ""
            if position < scalars.count, scalars[position] == "=" {
                position += 1
                skipSpaces()
                value = takeAttributeValue()
            }
            attributes[attribute] = Entities.decode(value)
        }
        if rawTextElements.contains(name) && !selfClosing {
            let content = take(upToCaseInsensitive: "</\(name)")
            skip(past: ">")
            _ = content
            return .start(name: name, attributes: attributes, selfClosing: true)
        }
        return .start(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    // MARK: - Scanning

    private func starts(with prefix: String) -> Bool {
        var index = position
        for scalar in prefix.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private mutating func takeText() -> String {
        let start = position
        while position < scalars.count, scalars[position] != "<" { position += 1 }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private mutating func takeName() -> String {
        let start = position
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar.properties.isWhitespace || scalar == ">" || scalar == "/" || scalar == "=" { break }
            position += 1
        }
        return String(String.UnicodeScalarView(scalars[start..<position])).lowercased()
    }

    private mutating func takeAttributeValue() -> String {
        guard position < scalars.count else { return "" }
        let quote = scalars[position]
        if quote == "\"" || quote == "'" {
            position += 1
            let start = position
            while position < scalars.count, scalars[position] != quote { position += 1 }
            let value = String(String.UnicodeScalarView(scalars[start..<position]))
            if position < scalars.count { position += 1 }
            return value
        }
        let start = position
        while position < scalars.count, !scalars[position].properties.isWhitespace, scalars[position] != ">" {
            position += 1
        }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private mutating func skipSpaces() {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
    }

    private mutating func take(upTo terminator: String) -> String {
        let start = position
        while position < scalars.count, !starts(with: terminator) { position += 1 }
        let content = String(String.UnicodeScalarView(scalars[start..<position]))
        position = min(scalars.count, position + terminator.unicodeScalars.count)
        return content
    }

    private mutating func take(upToCaseInsensitive terminator: String) -> String {
        let target = Array(terminator.lowercased().unicodeScalars)
        let start = position
        while position < scalars.count {
            var matches = true
            for (offset, scalar) in target.enumerated() {
                guard position + offset < scalars.count,
                      String(scalars[position + offset]).lowercased().unicodeScalars.first == scalar else {
                    matches = false
                    break
                }
            }
            if matches { break }
            position += 1
        }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private mutating func skip(past terminator: String) {
        _ = take(upTo: terminator)
    }

    /// `<!DOCTYPE …>` may hold an internal subset in brackets; skip it whole
    /// without reading any of its declarations.
    private mutating func skipDeclaration() {
        var depth = 0
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            if scalar == "[" { depth += 1 }
            if scalar == "]" { depth = max(0, depth - 1) }
            if scalar == ">" && depth == 0 { return }
        }
    }
}
