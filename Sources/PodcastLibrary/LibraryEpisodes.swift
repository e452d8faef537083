import EpisodeIO
import EpisodeKit
import Foundation

/// An episode of the library, read from the library and its cache alone:
/// opening one needs no network.
public struct OpenedEpisode: Sendable {
    public var episode: Episode
    public var podcast: Podcast
    public var row: LibraryEpisode
}

extension Library {
    /// `PODCAST` alone: its newest episode with a transcript (else its
    /// newest); `number` counts from 1 = the newest, as `podread episodes` does.
    public func openEpisode(of podcast: Podcast, number: Int?) throws -> OpenedEpisode {
        let episodes = try self.episodes(of: podcast)
        guard !episodes.isEmpty else {
            throw LibraryError("\(podcast.title) has no episodes yet: 'podread refresh' fetches its feed")
        }
        let row: LibraryEpisode
        if let number {
            guard (1...episodes.count).contains(number) else {
                throw LibraryError("\(podcast.title) has \(episodes.count) episode\(episodes.count == 1 ? "" : "s"); --episode takes 1 to \(episodes.count)")
            }
            row = episodes[number - 1]
        } else {
            row = episodes.first { $0.transcriptCached } ?? episodes[0]
        }
        return OpenedEpisode(episode: episode(row, of: podcast), podcast: podcast, row: row)
    }

    /// The episode as the reader and the commands see it: the feed's word
    /// from the database, the transcript and chapters from the cache.
    public func episode(_ row: LibraryEpisode, of podcast: Podcast) -> Episode {
        var episode = Episode(title: row.title, podcast: podcast.title, shownotes: row.shownotes,
                              audioURL: row.audioURL, pageURL: row.pageURL, publicationDate: row.calendarDate, format: .rss)
        episode.statedDuration = row.duration.map { TimeCode(seconds: $0) }
        episode.identity = row.identity
        if let author = podcast.author { episode.people = [Person(name: author, role: .host)] }
        // Links in the notes are reading, as for a feed read afresh.
        episode.reading = StoredLink.decode(row.links)
        guard let podcastID = podcast.id, let episodeID = row.id else { return episode }
        if row.transcriptCached, let bytes = cache.read(cache.transcript(podcastID, episodeID)) {
            do {
                let source = try EpisodeReader.decode(bytes)
                let transcript = try EpisodeReader.read(source, as: FormatDetector.detect(source), fallbackTitle: row.title)
                episode.segments = transcript.segments
                episode.hasTimes = transcript.hasTimes
                episode.warnings += transcript.warnings.map { ReadWarning("transcript: \($0.description)") }
            } catch {
                episode.transcriptProblem = error.message
                episode.warnings.append(ReadWarning("no transcript: \(error.message)"))
            }
        } else if row.transcriptURL != nil {
            let why = row.fetchProblem ?? "not fetched yet ('podread refresh' fetches it)"
            episode.transcriptProblem = why
            episode.warnings.append(ReadWarning("no transcript: \(why)"))
        }
        if row.chaptersCached, let bytes = cache.read(cache.chapters(podcastID, episodeID)),
           let source = try? EpisodeReader.decode(bytes), let chapters = try? ChaptersReader.read(source) {
            episode.chapters = chapters
            episode.addChapterLinks()
        }
        return episode
    }
}
