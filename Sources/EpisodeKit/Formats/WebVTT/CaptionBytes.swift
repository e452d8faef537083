#if canImport(Glibc)
import Glibc
#endif

/// What the packed WebVTT reader asks of a caption file's bytes as a whole
/// or of one line's, answered eight bytes at a time where most words are
/// plain ASCII: whether the file is one it can read, where to cut it in
/// two, whether a text is folded already.
enum CaptionBytes {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }

    /// Where to cut a file in two near `middle`: the start of the line
    /// after an empty line (nil when there is none after it).
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, near middle: Int) -> Int? {
        var index = middle
        while index + 2 < bytes.count, let found = memchr(bytes.baseAddress! + index, 10, bytes.count - index) {
            let newline = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if newline + 1 < bytes.count && bytes[newline + 1] == 10 { return newline + 2 }
            if newline + 2 < bytes.count && bytes[newline + 1] == 13 && bytes[newline + 2] == 10 { return newline + 3 }
            index = newline + 1
        }
        return nil
    }

    /// Where the text starts (after a UTF-8 byte-order mark); nil for
    /// what the packed reader leaves to the general one: NUL bytes, a lone
    /// carriage return, UTF-16, bytes that are not UTF-8.
    static func bodyStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        var firstBeyondASCII: Int?
        while index < bytes.count {
            // Eight bytes at a time: most words have no NUL, no carriage return and nothing beyond ASCII.
            if index + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let carriage = word ^ (ones &* 13)
                if (word & highs) | ((word &- ones) & ~word & highs) | ((carriage &- ones) & ~carriage & highs) == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte == 0 { return nil }
            if byte == 13 && (index + 1 == bytes.count || bytes[index + 1] != 10) { return nil }
            if byte >= 0x80 && firstBeyondASCII == nil { firstBeyondASCII = index }
            index += 1
        }
        if let firstBeyondASCII, !isUTF8(bytes, from: firstBeyondASCII) { return nil }
        return start
    }

    /// Whether the bytes from `start` on are well-formed UTF-8 (what
    /// `SourceText` decodes as UTF-8 rather than Windows-1252).
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index < bytes.count {
            // Runs of ASCII eight bytes at a time.
            if index + 8 <= bytes.count,
               UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            var following = 3
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: following = 1
            case 0xE0: following = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: following = 2
            case 0xED: following = 2; high = 0x9F
            case 0xF0: low = 0x90
            case 0xF1...0xF3: break
            case 0xF4: high = 0x8F
            default: return false
            }
            guard index + following < bytes.count, bytes[index + 1] >= low, bytes[index + 1] <= high else { return false }
            for offset in stride(from: 2, through: following, by: 1) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += following + 1
        }
        return true
    }

    static let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// Text with no space at either end and single spaces between words.
    /// Looked at eight bytes at a time (windows overlapping by one, so
    /// every pair of neighbours is seen): a window with no control byte
    /// and no two spaces side by side is folded already.
    static func isFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let first = range.first, !Self.isSpace(bytes[first]), !Self.isSpace(bytes[range.upperBound - 1]) else {
            return isFoldedByBytes(bytes, range)
        }
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            let word = Self.word(bytes, at: index)
            let controls = (word &- Self.ones &* 0x20) & ~word & Self.highs
            let spaces = word ^ (Self.ones &* 0x20)
            let atSpace = (spaces &- Self.ones) & ~spaces & Self.highs
            if controls != 0 || atSpace & (atSpace >> 8) != 0 { return isFoldedByBytes(bytes, range) }
            index += 7
        }
        // The rest, after the last window's last byte (which is not a space when it ends the text).
        return isFoldedByBytes(bytes, index..<range.upperBound, afterSpace: index > range.lowerBound && Self.isSpace(bytes[index - 1]))
    }

    static func isFoldedByBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, afterSpace: Bool = true) -> Bool {
        var previousSpace = afterSpace
        for index in range {
            let byte = bytes[index]
            let space = Self.isSpace(byte)
            if space && (byte != 32 || previousSpace) { return false }
            previousSpace = space
        }
        return !previousSpace || range.isEmpty
    }
}
