/// Runs of ASCII letters and digits, read eight bytes at a time: the
/// tokenizer's fast path (most of any text).
enum ASCIIRun {
    /// Up to eight bytes of a run of ASCII letters and digits from `start`,
    /// lowercased, little-endian, zero past `count`.
    @inline(__always)
    static func foldedChunk(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> UInt64 {
        if start + 8 <= bytes.count {
            let value = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self))
            return masked(value | 0x2020_2020_2020_2020, count)
        }
        var value: UInt64 = 0
        for index in 0..<min(count, 8) { value |= UInt64(bytes[start + index] | 0x20) << UInt64(index * 8) }
        return value
    }

    /// The first `bytes` bytes of `value` (all of it from eight on, none below one).
    @inline(__always)
    static func masked(_ value: UInt64, _ bytes: Int) -> UInt64 {
        bytes >= 8 ? value : bytes <= 0 ? 0 : value & ((1 &<< UInt64(bytes &* 8)) &- 1)
    }

    /// Where the run of ASCII letters and digits that starts at `start`
    /// ends: eight bytes at a time, each byte's class found by adding to
    /// all eight at once (bytes below 0x80 never carry into the next).
    @inline(__always)
    static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start + 1
        let count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress!)
        let high: UInt64 = 0x8080_8080_8080_8080
        while end + 8 <= count {
            let chunk = UInt64(littleEndian: (base + end).loadUnaligned(as: UInt64.self))
            if chunk & high != 0 { break }
            let lower = chunk | 0x2020_2020_2020_2020
            // High bit set where `a` ≤ lower ≤ `z`, and where `0` ≤ byte ≤ `9`.
            let letters = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
            let digits = (chunk &+ 0x5050_5050_5050_5050) & ~(chunk &+ 0x4646_4646_4646_4646)
            let others = ~(letters | digits) & high
            if others != 0 { return end + others.trailingZeroBitCount >> 3 }
            end += 8
        }
        while end < count && isWordByte(bytes[end]) { end += 1 }
        return end
    }

    /// Whether a byte is an ASCII letter or digit.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 97 < 26 || byte &- 48 < 10
    }
}
