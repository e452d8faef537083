/// A feed an OPML file lists: its address and the name given to it.
public struct OPMLFeed: Equatable, Sendable {
    public var url: String
    public var title: String?

    public init(url: String, title: String? = nil) {
        self.url = url
        self.title = title
    }
}

/// Reads and writes OPML subscription lists as podcast apps exchange them.
public enum OPML {
    /// Every feed in the file, each once, in order: outlines with an
    /// `xmlUrl` (any `type`, or none; a web address or a path), inside
    /// folders or not; the title is
    /// `title`, else `text`. Problems with single outlines are warnings with
    /// their line; a file that is no OPML, or lists no feed, is an error.
    public static func read(_ source: SourceText) throws(EpisodeReadError) -> (feeds: [OPMLFeed], warnings: [ReadWarning]) {
        var tokenizer = MarkupTokenizer(source.text)
        var feeds: [OPMLFeed] = []
        var warnings: [ReadWarning] = []
        var sawRoot = false
        while let token = tokenizer.next() {
            guard case .start(let name, let attributes, _) = token else {
                if !sawRoot, case .text(let text) = token, !text.allSatisfy(\.isWhitespace) {
                    throw EpisodeReadError(line: tokenizer.line, "not an OPML file: it starts with text, not <opml>")
                }
                continue
            }
            if !sawRoot {
                guard name == "opml" else {
                    throw EpisodeReadError(line: tokenizer.line, "not an OPML file: it starts with <\(name)>, not <opml>")
                }
                sawRoot = true
                continue
            }
            guard name == "outline", let raw = attributes["xmlurl"] else { continue }
            let url = raw.trimmingWhitespace()
            let lowered = url.lowercased()
            // A web address, or a feed file (a path; a relative one is beside the OPML file).
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || (!url.isEmpty && !url.contains(":")) else {
                warnings.append(ReadWarning(line: tokenizer.line, "xmlUrl \"\(url)\" is not a web address or a file; skipped"))
                continue
            }
            guard !feeds.contains(where: { $0.url == url }) else { continue }
            let title = (attributes["title"] ?? attributes["text"]).map { $0.collapsingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            feeds.append(OPMLFeed(url: url, title: title))
        }
        guard sawRoot else { throw EpisodeReadError(line: 1, "not an OPML file: there is no <opml> element") }
        guard !feeds.isEmpty else { throw EpisodeReadError("the OPML file lists no feeds (no outline has an xmlUrl)") }
        return (feeds, warnings)
    }

    /// An OPML 2.0 document listing the feeds.
    public static func write(_ feeds: [OPMLFeed], title: String = "podread subscriptions") -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0">"#,
            "  <head><title>\(escape(title))</title></head>",
            "  <body>",
        ]
        for feed in feeds {
            let name = escape(feed.title ?? feed.url)
            lines.append(#"    <outline type="rss" text="\#(name)" title="\#(name)" xmlUrl="\#(escape(feed.url))"/>"#)
        }
        lines += ["  </body>", "</opml>", ""]
        return lines.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        Entities.escape(text, quotes: true)
    }
}
