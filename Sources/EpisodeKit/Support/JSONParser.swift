/// Reads JSON (RFC 8259) into a `JSONValue`, for the Podcasting 2.0
/// transcript and chapters readers.
///
/// Our own parser on UTF-8 bytes rather than Foundation's: a transcript of a
/// million segments is read in a fraction of the time and memory, a problem
/// is reported with its line and column, and nesting is bounded so a hostile
/// file cannot exhaust the stack.
struct JSONParser {
    /// Arrays and objects nested deeper than this are refused.
    static let maximumDepth = 512

    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The one value the text holds, or where and why it is not JSON.
    static func parse(_ text: String) throws(Failure) -> JSONValue {
        var parser = JSONParser(Array(text.utf8))
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    // MARK: - Values

    private mutating func value() throws(Failure) -> JSONValue {
        guard position < bytes.count else { throw failure("the text ends where a value should be") }
        switch bytes[position] {
        case Byte.openBrace: return try object()
        case Byte.openBracket: return try array()
        case Byte.quote: return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), 48...57: return try number()
        default: throw failure("expected a value, found \(describe(bytes[position]))")
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try enterNesting()
        position += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if peek == Byte.closeBrace {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard peek == Byte.quote else { throw failure("expected a quoted name in the object") }
            let name = try string()
            skipSpace()
            guard peek == Byte.colon else { throw failure("expected ':' after the name \"\(name.prefix(40))\"") }
            position += 1
            skipSpace()
            members.append((name, try value()))
            skipSpace()
            if peek == Byte.comma { position += 1; continue }
            if peek == Byte.closeBrace { position += 1; break }
            throw failure(peek == nil ? "the text ends inside an object" : "expected ',' or '}' in the object")
        }
        depth -= 1
        return .object(members)
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try enterNesting()
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek == Byte.closeBracket {
            position += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            if peek == Byte.comma { position += 1; continue }
            if peek == Byte.closeBracket { position += 1; break }
            throw failure(peek == nil ? "the text ends inside a list" : "expected ',' or ']' in the list")
        }
        depth -= 1
        return .array(items)
    }

    private mutating func enterNesting() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw failure("lists and objects are nested more than \(Self.maximumDepth) deep") }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
        let count = word.utf8CodeUnitCount
        let matches = position + count <= bytes.count && word.withUTF8Buffer { wanted in
            (0..<count).allSatisfy { bytes[position + $0] == wanted[$0] }
        }
        guard matches else { throw failure("expected a value, found \(describe(bytes[position]))") }
        position += count
        return value
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        guard digits() > 0 else { throw failure("a number needs digits") }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw failure("a number needs digits after its '.'") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw failure("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let number = Double(text) else { throw failure("\(text.prefix(40)) is not a number") }
        return .double(number)
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 { position += 1 }
        return position - start
    }

    /// A quoted string, its escapes decoded. Strings without escapes (nearly
    /// all of them) are taken as one slice.
    private mutating func string() throws(Failure) -> String {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Byte.quote {
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                position += 1
                return text
            }
            if byte == Byte.backslash { break }
            position += 1
        }
        guard position < bytes.count else { throw failure("a string is not closed", at: start - 1) }
        var decoded = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Byte.quote {
                position += 1
                return String(decoding: decoded, as: UTF8.self)
            }
            guard byte == Byte.backslash else {
                decoded.append(byte)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case Byte.quote, Byte.backslash, UInt8(ascii: "/"): decoded.append(escape)
            case UInt8(ascii: "b"): decoded.append(8)
            case UInt8(ascii: "f"): decoded.append(12)
            case UInt8(ascii: "n"): decoded.append(10)
            case UInt8(ascii: "r"): decoded.append(13)
            case UInt8(ascii: "t"): decoded.append(9)
            case UInt8(ascii: "u"): decoded.append(contentsOf: try unicodeEscape())
            default: throw failure("unknown escape: \\ followed by \(describe(escape))", at: position - 2)
            }
        }
        throw failure("a string is not closed", at: start - 1)
    }

    /// The UTF-8 of a `\uXXXX` escape (the `\u` already read), joining a
    /// surrogate pair; a lone surrogate becomes U+FFFD.
    private mutating func unicodeEscape() throws(Failure) -> [UInt8] {
        let first = try hexQuad()
        var value = UInt32(first)
        if (0xD800..<0xDC00).contains(first), position + 1 < bytes.count,
           bytes[position] == Byte.backslash, bytes[position + 1] == UInt8(ascii: "u") {
            let saved = position
            position += 2
            let second = try hexQuad()
            if (0xDC00..<0xE000).contains(second) {
                value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            } else {
                position = saved
            }
        }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hexQuad() throws(Failure) -> UInt16 {
        guard position + 4 <= bytes.count else { throw failure("\\u needs four hex digits") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 48...57: digit = byte - 48
            case 65...70: digit = byte - 55
            case 97...102: digit = byte - 87
            default: throw failure("\\u needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    // MARK: - Scanning

    private enum Byte {
        static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
        static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        static let colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 32 || byte == 10 || byte == 13 || byte == 9 else { return }
            position += 1
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 33 && byte < 127 ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// A failure at a byte offset (the current position unless given), with
    /// its 1-based line and column.
    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        let offset = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 10 {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return Failure(line: line, column: column, message: message)
    }
}

extension JSONValue {
    /// The member of an object with this name (the last, if it repeats).
    subscript(member name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.0 == name })?.1
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
