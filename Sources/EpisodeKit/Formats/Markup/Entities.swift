/// Character references in HTML, XML and WebVTT text.
///
/// Every named reference of HTML is known (`EntityTable`), and numeric
/// references are decoded in full. Nothing here ever reads a DTD, so entities
/// a document declares itself are left as written and cannot expand.
enum Entities {
    static var named: [String: String] { EntityTable.named }

    /// Text made safe inside markup: `&`, `<` and `>` (and `"` for an
    /// attribute value) as references.
    static func escape(_ text: String, quotes: Bool = false) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    /// On bytes: `&` and `;` are ASCII, and feeds decode a reference or two
    /// in every item.
    static func decode<S: StringProtocol>(_ text: S) -> String {
        guard text.containsByte(38) else { return String(text) }  // no `&`
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                result.append(byte)
                index += 1
                continue
            }
            // A reference is at most 32 bytes up to its `;`.
            let limit = min(bytes.count, index + 34)
            if let semicolon = bytes[(index + 1)..<limit].firstIndex(of: UInt8(ascii: ";")),
               let decoded = reference(String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)) {
                result += decoded.utf8
                index = semicolon + 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func reference<S: StringProtocol>(_ name: S) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return String(scalar)
        }
        return named[String(name)]
    }
}
