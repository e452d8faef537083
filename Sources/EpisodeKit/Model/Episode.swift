/// Everything podread knows about one episode, whatever format it came from.
public struct Episode: Sendable {
    public var title: String
    public var podcast: String?
    /// The description text of the shownotes, paragraphs separated by blank lines.
    public var shownotes: String
    public var people: [Person]
    public var reading: [ReadingItem]
    public var chapters: [Chapter]
    public var segments: Transcript
    public var audioURL: String?
    /// The episode's web page, when known (used for links in quotes).
    public var pageURL: String?
    public var publicationDate: CalendarDate?
    /// The length a feed states (`itunes:duration`), for episodes without a transcript.
    public var statedDuration: TimeCode?
    public var format: EpisodeFormat
    /// Whether the transcript carries times (a paragraphs-only transcript does not).
    public var hasTimes: Bool
    public var warnings: [ReadWarning]
    /// Why a transcript the source links could not be had (fetched or read).
    public var transcriptProblem: String?
    /// What tells this episode apart from the others of its feed: the
    /// item's `guid`, else its enclosure URL, else its title and date.
    public var identity: String?

    public init(title: String, podcast: String? = nil, shownotes: String = "",
                people: [Person] = [], reading: [ReadingItem] = [], chapters: [Chapter] = [],
                segments: [Segment] = [], audioURL: String? = nil, pageURL: String? = nil,
                publicationDate: CalendarDate? = nil, format: EpisodeFormat,
                hasTimes: Bool = true, warnings: [ReadWarning] = []) {
        self.title = title
        self.podcast = podcast
        self.shownotes = shownotes
        self.people = people
        self.reading = reading
        self.chapters = chapters
        self.segments = Transcript(segments)
        self.audioURL = audioURL
        self.pageURL = pageURL
        self.publicationDate = publicationDate
        self.format = format
        self.hasTimes = hasTimes
        self.warnings = warnings
    }

    /// The end of the last thing that has a time.
    public var duration: TimeCode {
        let lastSegment = segments.latestEnd
        let lastChapter = chapters.map { $0.end ?? $0.start }.max() ?? .zero
        return max(lastSegment, lastChapter, statedDuration ?? .zero)
    }

    /// The chapters as the transcript's lines, for an episode that has
    /// chapters and no transcript: each chapter a timed line of its title.
    public func chaptersAsTranscript() -> Episode {
        var copy = self
        let chapters = self.chapters.sorted { $0.start < $1.start }
        copy.segments = Transcript(chapters.enumerated().map { number, chapter in
            let next = number + 1 < chapters.count ? chapters[number + 1].start : nil
            return Segment(index: number, start: chapter.start, end: chapter.end ?? next ?? statedDuration ?? chapter.start,
                           text: chapter.title)
        })
        copy.hasTimes = true
        return copy
    }

    /// Each chapter with a link becomes a reading item (its title, link and
    /// time) after those the episode has, unless its address is there already.
    public mutating func addChapterLinks() {
        for chapter in chapters.sorted(by: { $0.start < $1.start }) {
            guard let url = chapter.url?.trimmingWhitespace(), !url.isEmpty, !reading.contains(where: { $0.url == url }) else { continue }
            reading.append(ReadingItem(title: chapter.title, url: url, text: "\(chapter.title) \(url)", time: chapter.start, source: .chapter))
        }
    }

    /// Speakers in order of first appearance.
    public var speakers: [String] { segments.speakers }

    /// The same episode with segments numbered from 0 and every missing end
    /// filled in: the next segment's start, or for the last one its own start.
    public func resolvingEnds() -> Episode {
        var copy = self
        copy.resolveEnds()
        return copy
    }

    /// Numbers the segments from 0 and fills in missing ends, in place. A
    /// packed transcript has both already.
    public mutating func resolveEnds() {
        guard !segments.isPacked else { return }
        var resolved = Array(segments)
        segments = []
        for i in resolved.indices {
            resolved[i].index = i
            if !resolved[i].endWasGiven {
                let next = i + 1 < resolved.count ? resolved[i + 1].start : resolved[i].start
                resolved[i].end = max(next, resolved[i].start)
            }
        }
        segments = Transcript(resolved)
    }
}
