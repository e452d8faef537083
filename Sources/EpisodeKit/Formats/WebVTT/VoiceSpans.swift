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
        var voices: [Voice] = []
        var speaker: String?
        var text = ""
        func endVoice() {
            let cleaned = Entities.decode(text).collapsingWhitespace()
            if !cleaned.isEmpty { voices.append(Voice(speaker: speaker, text: cleaned)) }
            text = ""
        }
        var index = payload.startIndex
        while index < payload.endIndex {
            let character = payload[index]
            guard character == "<", let tagEnd = payload[index...].firstIndex(of: ">") else {
                text.append(character)
                index = payload.index(after: index)
                continue
            }
            let tag = payload[payload.index(after: index)..<tagEnd]
            if tag.hasPrefix("v ") || tag.hasPrefix("v.") || tag.hasPrefix("v\t") {
                endVoice()
                let name = tag.drop(while: { $0 != " " && $0 != "\t" }).trimmingWhitespace()
                speaker = name.isEmpty ? nil : Entities.decode(name)
            } else if tag == "/v" {
                endVoice()
                speaker = nil
            }
            index = payload.index(after: tagEnd)
        }
        endVoice()
        // An empty cue stays a segment, so cue counts match the file.
        if voices.isEmpty { voices.append(Voice(speaker: speaker, text: "")) }
        return voices
    }
}
