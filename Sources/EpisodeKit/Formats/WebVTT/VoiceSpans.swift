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
        var text = String.UnicodeScalarView()
        func endVoice() {
            let cleaned = Entities.decode(String(text)).collapsingWhitespace()
            if !cleaned.isEmpty { voices.append(Voice(speaker: speaker, text: cleaned)) }
            text = String.UnicodeScalarView()
        }
        // Scalars, not characters: tags and text are split on `<` and `>`,
        // which never combine with what follows them.
        let scalars = Array(payload.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", let tagEnd = scalars[index...].firstIndex(of: ">") else {
                text.append(scalar)
                index += 1
                continue
            }
            let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<tagEnd]))
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
