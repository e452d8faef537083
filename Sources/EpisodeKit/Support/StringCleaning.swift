import Foundation

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line ends
    /// (Unicode white space included). Works on scalars: readers call this
    /// for every line, and grapheme breaking would dominate their time.
    func trimmingWhitespace() -> String {
        // The common case: nothing to trim, so no scalar-by-scalar copy.
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !first.isSpace, !last.isSpace {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Runs of white space folded to single spaces, ends trimmed.
    func collapsingWhitespace() -> String {
        if let ascii = collapsingASCIIWhitespace() { return ascii }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The ASCII case on bytes, or nil when the text has other scalars
    /// (which may be white space too). Text that needs no change is returned
    /// as it is, without building a copy byte by byte.
    private func collapsingASCIIWhitespace() -> String? {
        // On the contiguous bytes when there are any (native strings and their
        // substrings): a reader calls this for every line it keeps.
        if let result = utf8.withContiguousStorageIfAvailable({ WhitespaceFolding.ascii($0) }) { return result }
        return WhitespaceFolding.ascii(Array(utf8))
    }
}

extension StringProtocol {
    /// Whether the text is only white space (or empty); ASCII answered on bytes.
    var isBlank: Bool {
        if let ascii = utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if !(byte == 32 || (byte >= 9 && byte <= 13)) { return false }
            }
            return true
        }), let answer = ascii {
            return answer
        }
        return unicodeScalars.allSatisfy(\.isSpace)
    }
}

/// Runs of white space folded to single spaces on bytes.
enum WhitespaceFolding {
    /// The folded text when every byte is ASCII; nil otherwise (other
    /// scalars may be white space too, and take the slow path).
    static func ascii<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        var needsChange = false
        var previousSpace = true    // a space at the start is dropped
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let space = byte == 32 || (byte >= 9 && byte <= 13)
            if space && (byte != 32 || previousSpace) { needsChange = true }
            previousSpace = space
        }
        if previousSpace && !bytes.isEmpty { needsChange = true }  // a space at the end
        guard needsChange else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        append(folding: bytes, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// ASCII bytes appended with runs of white space folded to single
    /// spaces, none at the start of `result` or at the end.
    static func append<S: Sequence>(folding bytes: S, to result: inout [UInt8]) where S.Element == UInt8 {
        var pendingSpace = false
        for byte in bytes {
            if byte == 32 || (byte >= 9 && byte <= 13) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(32) }
                pendingSpace = false
                result.append(byte)
            }
        }
    }
}

extension Unicode.Scalar {
    /// White space, with the common ASCII cases answered without a Unicode
    /// property lookup (which is slow enough to dominate a reader's time).
    @inline(__always)
    var isSpace: Bool {
        if value < 0x80 { return value == 32 || (value >= 9 && value <= 13) }
        return properties.isWhitespace
    }
}

extension StringProtocol {
    /// Whether the UTF-8 holds a byte: `memchr` over the contiguous bytes,
    /// which the generic `utf8.contains` is many times slower than.
    func containsByte(_ byte: UInt8) -> Bool {
        firstByteOffset(of: byte) != nil
    }

    /// The offset in UTF-8 bytes of the first occurrence of a byte.
    func firstByteOffset(of byte: UInt8, from start: Int = 0) -> Int? {
        if let found = utf8.withContiguousStorageIfAvailable({ buffer -> Int? in
            guard start < buffer.count, let base = buffer.baseAddress,
                  let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }) {
            return found
        }
        return utf8.dropFirst(start).firstIndex(of: byte).map { utf8.distance(from: utf8.startIndex, to: $0) }
    }
}

extension StringProtocol {
    /// Whether the text holds `needle`, compared byte for byte (no Unicode
    /// equivalence): Foundation's `contains` goes through CFString and was a
    /// tenth of the time of reading a large HTML transcript.
    func containsBytes(_ needle: String) -> Bool {
        let wanted = Array(needle.utf8)
        guard let first = wanted.first else { return true }
        var start = 0
        while let hit = firstByteOffset(of: first, from: start) {
            let bytes = utf8.dropFirst(hit)
            if bytes.starts(with: wanted) { return true }
            start = hit + 1
        }
        return false
    }
}
