import EpisodeKit
import Foundation

/// Several episodes for one search: files, every episode file under a
/// directory, or every episode of a feed.
public enum EpisodeCollection {
    /// Files under a directory whose names podread tries; others are passed over.
    static let episodeExtensions: Set<String> = ["txt", "vtt", "srt", "json", "html", "htm", "xml", "rss", "md"]

    /// The episodes the arguments name, in the order given (a directory's
    /// files sorted by path); the bundled sample when there are none.
    /// Files in a directory that are not episodes are skipped and reported
    /// in `skipped`.
    public static func load(_ arguments: [String], options: LoadOptions = LoadOptions()) throws(LoadError) -> (episodes: [LoadedEpisode], skipped: [LoadError]) {
        guard !arguments.isEmpty else { return ([try EpisodeLoader.loadSample()], []) }
        var episodes: [LoadedEpisode] = []
        var skipped: [LoadError] = []
        for argument in arguments {
            if case .file(let path) = EpisodeLocation(argument: argument), isDirectory(path) {
                for file in episodeFiles(under: path) {
                    do {
                        episodes += try loadAll(file, options: options)
                    } catch {
                        skipped.append(error)
                    }
                }
            } else {
                episodes += try loadAll(argument, options: options)
            }
        }
        return (episodes, skipped)
    }

    /// One file, or every episode when it is a feed (unless `--episode` picks one).
    private static func loadAll(_ argument: String, options: LoadOptions) throws(LoadError) -> [LoadedEpisode] {
        let location = EpisodeLocation(argument: argument)
        let source = try EpisodeLoader.decode(EpisodeLoader.bytes(at: location, options: options), location: location)
        guard FormatDetector.detect(source) == .rss, options.episodeNumber == nil else {
            return [try EpisodeLoader.load(argument, options: options)]
        }
        let feed = try EpisodeLoader.loadFeed(argument, options: options)
        var episodes: [LoadedEpisode] = []
        for number in feed.items.indices {
            var picked = options
            picked.episodeNumber = number + 1
            let episode = try FeedEpisode.assemble(feed, from: location, options: picked)
            episodes.append(LoadedEpisode(episode: episode, source: argument, isBundledSample: false))
        }
        return episodes
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    private static func episodeFiles(under path: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard episodeExtensions.contains(ext), !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            var directory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &directory), !directory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }
}
