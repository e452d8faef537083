import EpisodeKit

/// Builds an episode from a feed item: its shownotes from the feed, its
/// transcript and chapters fetched from the item's links. A link that cannot
/// be fetched or read leaves the episode readable, with a warning.
enum FeedEpisode {
    static func assemble(_ feed: Feed, from location: EpisodeLocation, options: LoadOptions) throws(LoadError) -> Episode {
        let item = try choose(from: feed, number: options.episodeNumber, location: location)
        var episode = feed.episode(item)
        if let link = item.preferredTranscript {
            do {
                let transcript = try fetchAndRead(link.url, from: location, options: options)
                episode.segments = transcript.segments
                episode.hasTimes = transcript.hasTimes
                episode.warnings += transcript.warnings.map { ReadWarning("transcript: \($0.description)") }
                if episode.people.isEmpty { episode.people = transcript.people }
            } catch {
                if options.read.strict { throw error }
                episode.transcriptProblem = error.description
                episode.warnings.append(ReadWarning("no transcript: \(error.description)"))
            }
        } else {
            episode.warnings.append(ReadWarning("the episode links no transcript"))
        }
        if let link = item.chaptersURL {
            do {
                let chapters = try fetchAndRead(link, from: location, options: options)
                episode.chapters = chapters.chapters
                episode.addChapterLinks()
            } catch {
                if options.read.strict { throw error }
                episode.warnings.append(ReadWarning("no chapters: \(error.description)"))
            }
        }
        return episode
    }

    /// `number` counts from 1 = the newest; without it, the newest item that links a transcript.
    static func choose(from feed: Feed, number: Int?, location: EpisodeLocation) throws(LoadError) -> FeedItem {
        guard !feed.items.isEmpty else { throw LoadError(path: location.description, problem: "the feed has no episodes") }
        if let number {
            guard (1...feed.items.count).contains(number) else {
                throw LoadError(path: location.description,
                                problem: "the feed has \(feed.items.count) episode\(feed.items.count == 1 ? "" : "s"); --episode takes 1 to \(feed.items.count)")
            }
            return feed.items[number - 1]
        }
        return feed.items.first { !$0.transcripts.isEmpty } ?? feed.items[0]
    }

    private static func fetchAndRead(_ link: String, from base: EpisodeLocation, options: LoadOptions) throws(LoadError) -> Episode {
        guard let target = base.resolve(link) else {
            throw LoadError(path: link, problem: "the link is not a web address or a file beside the feed")
        }
        let source = try EpisodeLoader.decode(EpisodeLoader.bytes(at: target, options: options), location: target)
        let format = FormatDetector.detect(source)
        guard format != .rss else { throw LoadError(path: target.description, problem: "expected a transcript, found a feed") }
        do {
            return try EpisodeReader.read(source, as: format, fallbackTitle: target.titleFromName, options: options.read)
        } catch {
            throw LoadError(path: target.description, line: error.line, problem: error.message)
        }
    }
}
