/// Turns HTML into readable text: paragraphs and list items on lines of
/// their own, links kept as numbered references, never raw tags.
enum MarkupText {
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
        "section", "article", "blockquote", "dt", "dd", "dl", "hr", "header", "footer", "pre",
    ]

    /// A link in shownotes: the words it was on (or the address itself, for
    /// an address written out in the text) and where it points.
    struct Link: Equatable {
        var text: String
        var url: String
    }

    /// Readable text; links are numbered `[1]` in the text and listed at the end.
    static func readable(_ html: String) -> String { readableWithLinks(html).text }

    /// Readable text with real line structure: paragraphs, headings and
    /// lists are paragraphs (separated by a blank line), list items and
    /// `<br>` start a new line, two `<br>` in a row start a paragraph. Links
    /// are numbered `[1]` after their words (a no-break space before the
    /// number keeps it with them) and listed at the end; `links` holds
    /// them, and each web address written out in the text, in order.
    static func readableWithLinks(_ html: String) -> (text: String, links: [Link]) {
        var tokenizer = MarkupTokenizer(html)
        var paragraphs: [String] = []
        var paragraph: [String] = []
        var current = ""
        var links: [Link] = []
        var numbered: [String] = []
        var openLink: (url: String, start: Int)?
        var linkText = ""
        var skipping = 0
        var breaks = 0
        func endLine() {
            // The mark before a link's number becomes a no-break space once spaces are collapsed.
            let line = current.collapsingWhitespace().replacingOccurrences(of: "\u{E000}", with: "\u{00A0}")
            if !line.isEmpty { paragraph.append(line) }
            current = ""
        }
        func endParagraph() {
            endLine()
            if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: "\n")) }
            paragraph = []
            breaks = 0
        }
        func addText(_ text: String) {
            guard skipping == 0 else { return }
            if openLink != nil { linkText += text }
            current += text
            if !text.allSatisfy(\.isWhitespace) { breaks = 0 }
        }
        while let token = tokenizer.next() {
            switch token {
            case .text(let text), .cdata(let text):
                addText(text)
            case .start(let name, let attributes, let selfClosing):
                if name == "head" && !selfClosing { skipping += 1 }
                if name == "br" {
                    // One `<br>` ends a line; a second in a row ends the paragraph.
                    breaks += 1
                    if breaks >= 2 { endParagraph() } else { endLine() }
                } else if name == "li" {
                    endLine()
                    current = "• "
                } else if blockElements.contains(name) {
                    endParagraph()
                }
                if name == "a", let href = attributes["href"]?.trimmingWhitespace(), href.hasPrefix("http") {
                    openLink = (href, current.count)
                    linkText = ""
                }
                if name == "img", let alt = attributes["alt"], !alt.isEmpty { addText(alt) }
            case .end(let name):
                if name == "head" { skipping = max(0, skipping - 1) }
                if name == "a", let link = openLink {
                    // Each address once: a second link to it takes the first one's number.
                    let words = linkText.collapsingWhitespace()
                    if !links.contains(where: { $0.url == link.url }) {
                        links.append(Link(text: words.isEmpty ? link.url : words, url: link.url))
                    }
                    if !numbered.contains(link.url) { numbered.append(link.url) }
                    let number = (numbered.firstIndex(of: link.url) ?? numbered.count - 1) + 1
                    // The link's own address as its words needs no number after it.
                    if words != link.url { current += "\u{E000}[\(number)]" }
                    openLink = nil
                }
                if name == "li" {
                    endLine()
                } else if blockElements.contains(name) && name != "br" {
                    endParagraph()
                }
            }
        }
        endParagraph()
        // Addresses written out in the text, where no link carries them.
        var all = links
        for paragraph in paragraphs {
            for url in Self.addresses(in: paragraph) where !all.contains(where: { $0.url == url }) {
                all.append(Link(text: url, url: url))
            }
        }
        if !numbered.isEmpty {
            paragraphs.append(numbered.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "\n"))
        }
        return (paragraphs.joined(separator: "\n\n"), all)
    }

    /// The web addresses written out in a text, without trailing punctuation.
    static func addresses(in text: String) -> [String] {
        text.matches(of: /https?:\/\/[^\s<>"\])\u{00A0}]+/).map { match in
            var link = String(match.output)
            while let last = link.last, ".,;:!?'".contains(last) { link.removeLast() }
            return link
        }
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
