/// Bytes of a source turned into text a reader can walk line by line.
///
/// Handles what real files carry: a byte-order mark, UTF-16 with a BOM,
/// bytes that are not valid UTF-8 (read as Windows-1252, which is what such
/// files almost always are), and LF, CRLF or CR line ends.
public struct SourceText: Sendable {
    /// The decoded text with every line end turned into `\n`.
    public let text: String
    /// How the bytes were decoded, for warnings.
    public let encoding: Encoding

    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", windows1252 = "Windows-1252"
    }

    public init(bytes: [UInt8]) {
        var decoded: String
        if bytes.starts(with: [0xFF, 0xFE]) {
            decoded = Self.decodeUTF16(bytes.dropFirst(2), littleEndian: true)
            encoding = .utf16LE
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            decoded = Self.decodeUTF16(bytes.dropFirst(2), littleEndian: false)
            encoding = .utf16BE
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            if let valid = String(validating: body, as: UTF8.self) {
                decoded = valid
                encoding = .utf8
            } else {
                decoded = Self.decodeWindows1252(body)
                encoding = .windows1252
            }
        }
        if decoded.first == "\u{FEFF}" { decoded.removeFirst() }
        text = Self.normalisingLineEnds(decoded)
    }

    public init(string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// The lines of the text, without their line ends. Line `n` (1-based) is `lines[n - 1]`.
    /// Split on bytes: splitting on the `\n` character would break the
    /// whole text into grapheme clusters first.
    public var lines: [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = 0
        while let newline = text.firstByteOffset(of: 10, from: start) {
            lines.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: newline)])
            start = newline + 1
        }
        lines.append(text[utf8.index(utf8.startIndex, offsetBy: start)...])
        return lines
    }

    private static func normalisingLineEnds(_ text: String) -> String {
        guard text.containsByte(13) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 13 {
                bytes.append(10)
                previousWasCR = true
                continue
            }
            if byte == 10 && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252 differs from Latin-1 only in 0x80–0x9F.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
