/// Reads HTML transcripts: `<cite>Speaker:</cite> <time>0:00</time> <p>text</p>`
/// and similar markup (elements whose class names a speaker or a timestamp).
/// A page without such markup is turned into text and read as a plain-text
/// transcript.
public enum HTMLTranscriptReader {
    public static func read(_ source: SourceText, title fallbackTitle: String) throws(EpisodeReadError) -> Episode {
        // One pass over the tokens as they come: a large page is never held
        // as a list of tokens.
        var tokenizer = MarkupTokenizer(source.text)
        var titles = TitleFinder()

        var segments: [Segment] = []
        var speaker: String?
        var capture: Capture?
        var captured = ""
        var captureDepth = 0
        var sawTime = false

        while let token = tokenizer.next() {
            titles.see(token)
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
        let title = titles.title ?? fallbackTitle
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
}

/// The page's title as tokens pass: the first non-empty `<title>`, else the
/// first non-empty `<h1>`.
private struct TitleFinder {
    private var found: [String: String] = [:]
    private var open: String?
    private var text = ""

    var title: String? { found["title"] ?? found["h1"] }

    mutating func see(_ token: MarkupTokenizer.Token) {
        switch token {
        case .start(let name, _, false) where (name == "title" || name == "h1") && found[name] == nil:
            open = name
            text = ""
        case .end(let name) where name == open:
            let title = text.collapsingWhitespace()
            if !title.isEmpty { found[name] = title }
            open = nil
        case .text(let value) where open != nil:
            text += value
        default:
            break
        }
    }
}
