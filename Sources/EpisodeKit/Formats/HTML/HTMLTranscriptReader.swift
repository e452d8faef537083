/// Reads HTML transcripts: `<cite>Speaker:</cite> <time>0:00</time> <p>text</p>`
/// and similar markup (elements whose class names a speaker or a timestamp).
/// A page without such markup is turned into text and read as a plain-text
/// transcript.
public enum HTMLTranscriptReader {
    public static func read(_ source: SourceText, title fallbackTitle: String) throws(EpisodeReadError) -> Episode {
        var tokenizer = MarkupTokenizer(source.text)
        let tokens = tokenizer.tokens()
        let title = documentTitle(tokens) ?? fallbackTitle

        var segments: [Segment] = []
        var speaker: String?
        var capture: Capture?
        var captured = ""
        var captureDepth = 0
        var sawTime = false

        for token in tokens {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if capture != nil {
                    if !selfClosing { captureDepth += 1 }
                    continue
                }
                if let kind = Capture.kind(of: name, attributes: attributes), !selfClosing {
                    capture = kind
                    captured = ""
                    captureDepth = 0
                } else if MarkupText.blockElements.contains(name), let last = segments.indices.last, !segments[last].text.isEmpty {
                    segments[last].text += " "
                }
            case .end:
                guard let kind = capture else { continue }
                if captureDepth > 0 {
                    captureDepth -= 1
                    continue
                }
                capture = nil
                let text = captured.collapsingWhitespace()
                switch kind {
                case .speaker:
                    var name = text
                    while let last = name.last, last == ":" { name.removeLast() }
                    speaker = name.trimmingWhitespace().nonEmpty
                case .time:
                    if let time = CueTiming.time(text) {
                        sawTime = true
                        segments.append(Segment(index: segments.count, start: time, speaker: speaker, text: ""))
                    }
                case .title:
                    break
                }
            case .text(let text), .cdata(let text):
                if capture != nil {
                    captured += text
                } else if let last = segments.indices.last {
                    segments[last].text += text
                }
            }
        }
        guard sawTime else {
            let text = MarkupText.readable(source.text)
            var episode = try PlainTextReader.read(SourceText(string: text), title: title)
            episode.format = .html
            return episode
        }
        for index in segments.indices {
            segments[index].text = segments[index].text.collapsingWhitespace()
        }
        return Episode(title: title, segments: segments, format: .html).resolvingEnds()
    }

    private enum Capture {
        case speaker, time, title

        static func kind(of name: String, attributes: [String: String]) -> Capture? {
            if name == "cite" { return .speaker }
            if name == "time" { return .time }
            let classes = (attributes["class"] ?? "").lowercased()
            if classes.containsBytes("speaker") { return .speaker }
            if classes.containsBytes("timestamp") || classes.split(separator: " ").contains("time") { return .time }
            return nil
        }
    }

    private static func documentTitle(_ tokens: [MarkupTokenizer.Token]) -> String? {
        for wanted in ["title", "h1"] {
            var inside = false
            var text = ""
            for token in tokens {
                switch token {
                case .start(let name, _, false) where name == wanted: inside = true
                case .end(let name) where name == wanted && inside:
                    let title = text.collapsingWhitespace()
                    if !title.isEmpty { return title }
                    inside = false
                case .text(let value) where inside: text += value
                default: break
                }
            }
        }
        return nil
    }
}
