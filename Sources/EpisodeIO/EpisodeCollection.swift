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
    ///
    /// A feed's episodes are assembled several at a time (their transcripts
    /// and chapters are fetched concurrently); `progress` hears how many of
    /// a feed's episodes are done.
    public static func load(_ arguments: [String], options: LoadOptions = LoadOptions(),
                            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(LoadError) -> (episodes: [LoadedEpisode], skipped: [LoadError]) {
        guard !arguments.isEmpty else { return ([try EpisodeLoader.loadSample()], []) }
        var episodes: [LoadedEpisode] = []
        var skipped: [LoadError] = []
        for argument in arguments {
            if case .file(let path) = EpisodeLocation(argument: argument), isDirectory(path) {
                // A directory's files are read and parsed on every core, and kept in order.
                let files = episodeFiles(under: path)
                let results = Locked([Result<[LoadedEpisode], LoadError>?](repeating: nil, count: files.count))
                DispatchQueue.concurrentPerform(iterations: files.count) { number in
                    do throws(LoadError) {
                        let loaded = try loadAll(files[number], options: options, progress: progress)
                        results.withLock { $0[number] = .success(loaded) }
                    } catch {
                        results.withLock { $0[number] = .failure(error) }
                    }
                }
                for result in results.withLock({ $0.compactMap { $0 } }) {
                    switch result {
                    case .success(let loaded): episodes += loaded
                    case .failure(let error): skipped.append(error)
                    }
                }
            } else {
                episodes += try loadAll(argument, options: options, progress: progress)
            }
        }
        return (episodes, skipped)
    }

    /// One file, or every episode when it is a feed (unless `--episode` picks one).
    private static func loadAll(_ argument: String, options: LoadOptions,
                                progress: (@Sendable (Int, Int) -> Void)?) throws(LoadError) -> [LoadedEpisode] {
        let location = EpisodeLocation(argument: argument)
        let source = try EpisodeLoader.decode(EpisodeLoader.bytes(at: location, options: options), location: location)
        let format = FormatDetector.detect(source)
        guard format == .rss, options.episodeNumber == nil else {
            // The text read above, not read (or fetched) again.
            let episode = try EpisodeLoader.episode(from: source, as: format, location: location, options: options)
            return [LoadedEpisode(episode: episode, source: argument, isBundledSample: false)]
        }
        let feed = try EpisodeLoader.loadFeed(argument, options: options)
        let assembled = assembleConcurrently(feed, from: location, options: options, progress: progress)
        var episodes: [LoadedEpisode] = []
        for result in assembled {
            switch result {
            case .success(let episode): episodes.append(LoadedEpisode(episode: episode, source: argument, isBundledSample: false))
            case .failure(let error): throw error
            }
        }
        return episodes
    }

    /// How many of a feed's episodes are fetched at once: the work is
    /// waiting on servers, not the processor.
    static let concurrentFetches = 8

    /// Every episode of a feed, in the feed's order, fetched by a few threads at once.
    static func assembleConcurrently(_ feed: Feed, from location: EpisodeLocation, options: LoadOptions,
                                     progress: (@Sendable (Int, Int) -> Void)?) -> [Result<Episode, LoadError>] {
        let total = feed.items.count
        let next = Locked(0)
        let done = Locked(0)
        let results = Locked([Result<Episode, LoadError>?](repeating: nil, count: total))
        let group = DispatchGroup()
        for _ in 0..<min(concurrentFetches, total) {
            group.enter()
            let worker = Thread {
                while true {
                    let number = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard number < total else { break }
                    var picked = options
                    picked.episodeNumber = number + 1
                    let result: Result<Episode, LoadError>
                    do throws(LoadError) {
                        result = .success(try FeedEpisode.assemble(feed, from: location, options: picked))
                    } catch {
                        result = .failure(error)
                    }
                    results.withLock { $0[number] = result }
                    let finished = done.withLock { value -> Int in
                        value += 1
                        return value
                    }
                    progress?(finished, total)
                }
                group.leave()
            }
            worker.start()
        }
        group.wait()
        return results.withLock { $0.compactMap { $0 } }
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
