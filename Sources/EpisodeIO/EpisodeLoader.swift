import EpisodeKit
import Foundation
import PodreadAssets

/// An episode together with where it came from.
public struct LoadedEpisode: Sendable {
    public var episode: Episode
    /// What the user named (a path or URL), or the sample's path.
    public var source: String
    public var isBundledSample: Bool

    public init(episode: Episode, source: String, isBundledSample: Bool) {
        self.episode = episode
        self.source = source
        self.isBundledSample = isBundledSample
    }
}

/// How to open an episode.
public struct LoadOptions: Sendable {
    /// For feeds: which episode, 1 = the newest. Without it, the newest that links a transcript.
    public var episodeNumber: Int?
    public var read: ReadOptions
    public var fetcher: HTTPFetcher

    public init(episodeNumber: Int? = nil, strict: Bool = false, fetcher: HTTPFetcher = HTTPFetcher()) {
        self.episodeNumber = episodeNumber
        self.read = ReadOptions(strict: strict)
        self.fetcher = fetcher
    }
}

/// Opens the episode a command names, or the bundled sample when it names none.
public enum EpisodeLoader {
    public static func load(_ argument: String?, options: LoadOptions = LoadOptions()) throws(LoadError) -> LoadedEpisode {
        guard let argument else {
            if options.episodeNumber != nil {
                throw LoadError(path: "sample", problem: "--episode picks an episode of a feed; the bundled sample is one episode")
            }
            return try loadSample()
        }
        guard !argument.isEmpty else { throw LoadError(path: "\"\"", problem: "an empty name is not a file") }
        let location = EpisodeLocation(argument: argument)
        let episode = try load(location, options: options)
        return LoadedEpisode(episode: episode, source: argument, isBundledSample: false)
    }

    public static func loadSample() throws(LoadError) -> LoadedEpisode {
        guard let url = BundledEpisodes.sample else {
            throw LoadError(path: "sample", problem: "the bundled sample episode is missing from this build")
        }
        let episode = try load(.file(url.path), options: LoadOptions())
        return LoadedEpisode(episode: episode, source: url.path, isBundledSample: true)
    }

    /// The feed at `argument`, for listing its episodes.
    public static func loadFeed(_ argument: String, options: LoadOptions = LoadOptions()) throws(LoadError) -> Feed {
        let location = EpisodeLocation(argument: argument)
        let source = try decode(bytes(at: location, options: options), location: location)
        guard FormatDetector.detect(source) == .rss else {
            throw LoadError(path: argument, problem: "this is not a podcast feed")
        }
        return try readFeed(source, location: location)
    }

    static func load(_ location: EpisodeLocation, options: LoadOptions) throws(LoadError) -> Episode {
        let bytes = try bytes(at: location, options: options)
        if options.episodeNumber == nil, let packed = EpisodeReader.readPacked(bytes: bytes, fallbackTitle: location.titleFromName) {
            return packed
        }
        let source = try decode(bytes, location: location)
        return try episode(from: source, as: FormatDetector.detect(source), location: location, options: options)
    }

    /// The episode in text already read and decoded.
    static func episode(from source: SourceText, as format: EpisodeFormat, location: EpisodeLocation,
                        options: LoadOptions) throws(LoadError) -> Episode {
        if format == .rss {
            let feed = try readFeed(source, location: location)
            return try FeedEpisode.assemble(feed, from: location, options: options)
        }
        if options.episodeNumber != nil {
            throw LoadError(path: location.description, problem: "--episode picks an episode of a feed; this is a \(format.rawValue) file, one episode")
        }
        do {
            return try EpisodeReader.read(source, as: format, fallbackTitle: location.titleFromName, options: options.read)
        } catch {
            throw LoadError(path: location.description, line: error.line, problem: error.message)
        }
    }

    public static func bytes(at location: EpisodeLocation, options: LoadOptions) throws(LoadError) -> [UInt8] {
        switch location {
        case .file(let path): return try FileBytes.read(path: path)
        case .web(let url): return try options.fetcher.fetch(url)
        }
    }

    public static func decode(_ bytes: [UInt8], location: EpisodeLocation) throws(LoadError) -> SourceText {
        do {
            return try EpisodeReader.decode(bytes)
        } catch {
            throw LoadError(path: location.description, problem: error.message)
        }
    }

    private static func readFeed(_ source: SourceText, location: EpisodeLocation) throws(LoadError) -> Feed {
        do {
            return try FeedReader.read(source)
        } catch {
            throw LoadError(path: location.description, line: error.line, problem: error.message)
        }
    }
}
