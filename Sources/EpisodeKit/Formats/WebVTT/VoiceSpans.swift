#if canImport(Glibc)
import Glibc
#endif

/// The text of a cue payload, divided by its `<v Speaker>` voice spans.
///
/// Other tags (`<c.x>`, `<i>`, `<b>`, `<u>`, `<lang>`, `<ruby>`, inline
/// timestamps) are dropped and references decoded. The closing `</v>` is
/// optional, and a cue may hold several voices.
enum VoiceSpans {
    struct Voice: Equatable {
        var speaker: String?
        var text: String
    }

    static func split(_ payload: String) -> [Voice] {
        // Most cues have no tags at all: one voice, no speaker.
        if !payload.containsByte(60) {
            return [Voice(speaker: nil, text: Entities.decode(payload).collapsingWhitespace())]
        }
        var voices: [Voice] = []
        var speaker: String?
        var text: [UInt8] = []
        func endVoice() {
            // Plain ASCII without references (nearly every cue): folded straight from the bytes.
            let cleaned = text.withUnsafeBufferPointer { bytes in
                bytes.isEmpty ? "" : memchr(bytes.baseAddress!, 38, bytes.count) == nil ? WhitespaceFolding.ascii(bytes) : nil
            }
                ?? Entities.decode(String(decoding: text, as: UTF8.self)).collapsingWhitespace()
            if !cleaned.isEmpty { voices.append(Voice(speaker: speaker, text: cleaned)) }
            text.removeAll(keepingCapacity: true)
        }
        // Bytes: `<` and `>` are ASCII and never part of another scalar. The
        // text between tags is copied a run at a time.
        var payload = payload
        payload.makeContiguousUTF8()
        payload.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                guard let open = bytes[index...].firstIndex(of: 60) else {
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
                    break
                }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<open]))
                // Once a `<` finds no `>`, none will: the rest is text.
                guard let close = bytes[open...].firstIndex(of: 62) else {
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[open...]))
                    break
                }
                let tag = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close])
                if tag.count >= 2, tag[0] == 118, tag[1] == 32 || tag[1] == 46 || tag[1] == 9 {   // `v `, `v.`, `v\t`
                    endVoice()
                    // The name: after the first space or tab, trimmed (ASCII on bytes).
                    var start = tag.firstIndex { $0 == 32 || $0 == 9 } ?? tag.count
                    var end = tag.count
                    while start < end && (tag[start] == 32 || (tag[start] >= 9 && tag[start] <= 13)) { start += 1 }
                    while end > start && (tag[end - 1] == 32 || (tag[end - 1] >= 9 && tag[end - 1] <= 13)) { end -= 1 }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: tag[start..<end]), as: UTF8.self).trimmingWhitespace()
                    speaker = name.isEmpty ? nil : Entities.decode(name)
                } else if tag.count == 2, tag[0] == 47, tag[1] == 118 {  // `/v`
                    endVoice()
                    speaker = nil
                }
                index = close + 1
            }
        }
        endVoice()
        // An empty cue stays a segment, so cue counts match the file.
        if voices.isEmpty { voices.append(Voice(speaker: speaker, text: "")) }
        return voices
    }
}
