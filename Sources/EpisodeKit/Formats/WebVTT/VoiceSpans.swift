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
            let cleaned = Entities.decode(String(decoding: text, as: UTF8.self)).collapsingWhitespace()
            if !cleaned.isEmpty { voices.append(Voice(speaker: speaker, text: cleaned)) }
            text.removeAll(keepingCapacity: true)
        }
        // Bytes: `<` and `>` are ASCII and never part of another scalar.
        let bytes = Array(payload.utf8)
        var index = 0
        var closersLeft = true  // once a `<` finds no `>`, none will
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 60, closersLeft, let tagEnd = bytes[index...].firstIndex(of: 62) else {
                if byte == 60 { closersLeft = false }
                text.append(byte)
                index += 1
                continue
            }
            let tag = String(decoding: bytes[(index + 1)..<tagEnd], as: UTF8.self)
            if tag.hasPrefix("v ") || tag.hasPrefix("v.") || tag.hasPrefix("v\t") {
                endVoice()
                let name = tag.drop(while: { $0 != " " && $0 != "\t" }).trimmingWhitespace()
                speaker = name.isEmpty ? nil : Entities.decode(name)
            } else if tag == "/v" {
                endVoice()
                speaker = nil
            }
            index = tagEnd + 1
        }
        endVoice()
        // An empty cue stays a segment, so cue counts match the file.
        if voices.isEmpty { voices.append(Voice(speaker: speaker, text: "")) }
        return voices
    }
}
