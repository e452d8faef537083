/// A titled part of an episode.
public struct Chapter: Hashable, Sendable {
    public var start: TimeCode
    public var end: TimeCode?
    public var title: String
    public var url: String?
    public var image: String?
    /// `false` keeps the chapter out of the table of contents (Podcasting 2.0 `toc`).
    public var inTableOfContents: Bool

    public init(start: TimeCode, end: TimeCode? = nil, title: String, url: String? = nil,
                image: String? = nil, inTableOfContents: Bool = true) {
        self.start = start
        self.end = end
        self.title = title
        self.url = url
        self.image = image
        self.inTableOfContents = inTableOfContents
    }
}
