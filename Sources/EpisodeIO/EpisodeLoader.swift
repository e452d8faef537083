import EpisodeKit
import PodreadAssets

/// An episode together with where it came from.
public struct LoadedEpisode: Sendable {
    public var episode: Episode
    /// What the user named (a path), or `sample` for the bundled episode.
    public var source: String
    public var isBundledSample: Bool
}

/// Opens the episode a command names, or the bundled sample when it names none.
public enum EpisodeLoader {
    public static func load(_ argument: String?) throws(LoadError) -> LoadedEpisode {
        guard let argument else { return try loadSample() }
        guard !argument.isEmpty else { throw LoadError(path: "\"\"", problem: "an empty name is not a file") }
        let bytes = try FileBytes.read(path: argument)
        let episode = try read(bytes, path: argument)
        return LoadedEpisode(episode: episode, source: argument, isBundledSample: false)
    }

    public static func loadSample() throws(LoadError) -> LoadedEpisode {
        guard let url = BundledEpisodes.sample else {
            throw LoadError(path: "sample", problem: "the bundled sample episode is missing from this build")
        }
        let bytes = try FileBytes.read(path: url.path)
        let episode = try read(bytes, path: url.path)
        return LoadedEpisode(episode: episode, source: url.path, isBundledSample: true)
    }

    private static func read(_ bytes: [UInt8], path: String) throws(LoadError) -> Episode {
        do {
            return try EpisodeReader.read(bytes: bytes, fallbackTitle: titleFromFileName(path))
        } catch {
            throw LoadError(path: path, line: error.line, problem: error.message)
        }
    }

    /// `talks/ep-12_cyber.vtt` → `ep-12_cyber`.
    static func titleFromFileName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
