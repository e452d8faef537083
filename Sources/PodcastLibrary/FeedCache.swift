import Foundation

/// Fetched bytes, under `$XDG_CACHE_HOME/podread/`: each podcast's feed and
/// its episodes' transcripts and chapters, named by their library ids.
/// Everything here can be fetched again, so deleting it loses nothing.
public struct FeedCache: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    func feed(_ podcast: Int64) -> URL { folder.appendingPathComponent("feeds/\(podcast).xml") }
    func transcript(_ podcast: Int64, _ episode: Int64) -> URL { folder.appendingPathComponent("transcripts/\(podcast)/\(episode)") }
    func chapters(_ podcast: Int64, _ episode: Int64) -> URL { folder.appendingPathComponent("chapters/\(podcast)/\(episode).json") }

    func has(_ file: URL) -> Bool { FileManager.default.fileExists(atPath: file.path) }

    func read(_ file: URL) -> [UInt8]? { (try? Data(contentsOf: file)).map(Array.init) }

    /// Written whole or not at all (a temporary file renamed into place), so
    /// a podread killed mid-write leaves no half file.
    func write(_ bytes: [UInt8], to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file, options: .atomic)
    }

    /// A podcast's files, when it leaves the library.
    func remove(_ podcast: Int64) {
        for file in [feed(podcast), folder.appendingPathComponent("transcripts/\(podcast)"), folder.appendingPathComponent("chapters/\(podcast)")] {
            try? FileManager.default.removeItem(at: file)
        }
    }
}
