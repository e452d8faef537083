/// Turns HTML into readable text: paragraphs and list items on lines of
/// their own, links kept as numbered references, never raw tags.
enum MarkupText {
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
        "section", "article", "blockquote", "dt", "dd", "dl", "hr", "header", "footer", "pre",
    ]

    /// Readable text; links are numbered `[1]` in the text and listed at the end.
    static func readable(_ html: String) -> String {
        var tokenizer = MarkupTokenizer(html)
        var lines: [String] = []
        var current = ""
        var links: [String] = []
        var openLink: String?
        var skipping = 0
        func flush() {
            let line = current.collapsingWhitespace()
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
        while let token = tokenizer.next() {
            switch token {
            case .text(let text), .cdata(let text):
                if skipping == 0 { current += text }
            case .start(let name, let attributes, let selfClosing):
                if name == "head" && !selfClosing { skipping += 1 }
                if blockElements.contains(name) { flush() }
                if name == "li" { current = "• " }
                if name == "a", let href = attributes["href"], href.hasPrefix("http") { openLink = href }
                if name == "img", let alt = attributes["alt"], !alt.isEmpty { current += alt }
            case .end(let name):
                if name == "head" { skipping = max(0, skipping - 1) }
                if name == "a", let link = openLink {
                    links.append(link)
                    current += " [\(links.count)]"
                    openLink = nil
                }
                if blockElements.contains(name) { flush() }
            }
        }
        flush()
        if !links.isEmpty {
            lines.append("")
            for (number, link) in links.enumerated() { lines.append("[\(number + 1)] \(link)") }
        }
        return lines.joined(separator: "\n")
    }

    /// Text with every tag removed and references decoded, on one line.
    static func plain(_ markup: String) -> String {
        guard markup.utf8.contains(where: { $0 == 60 || $0 == 38 }) else { return markup.collapsingWhitespace() }
        var tokenizer = MarkupTokenizer(markup)
        var text = ""
        while let token = tokenizer.next() {
            switch token {
            case .text(let value), .cdata(let value): text += value
            case .start(let name, _, _), .end(let name):
                if blockElements.contains(name) { text += " " }
            }
        }
        return text.collapsingWhitespace()
    }
}
