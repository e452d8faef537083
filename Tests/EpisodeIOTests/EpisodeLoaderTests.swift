import Foundation
import Testing
@testable import EpisodeIO
import EpisodeKit

@Suite("Opening episode files")
final class EpisodeLoaderTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("podread-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func problem(_ path: String?) -> String? {
        do {
            _ = try EpisodeLoader.load(path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("the bundled sample opens when no episode is named")
    func sample() throws {
        let loaded = try EpisodeLoader.load(nil)
        #expect(loaded.isBundledSample)
        #expect(loaded.episode.segments.count == 140)
    }

    @Test("each bad input names the file and the problem")
    func badInputs() throws {
        let missing = directory.appendingPathComponent("missing.vtt").path
        #expect(problem(missing) == "\(missing): no such file")
        #expect(problem(directory.path) == "\(directory.path): is a directory, not an episode file")
        let empty = try file("empty.txt", [])
        #expect(problem(empty) == "\(empty): the file is empty")
        let binary = try file("song.mp3", [0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0x0F])
        #expect(problem(binary) == "\(binary): this is a binary file, not an episode")
        let prose = try file("notes.txt", Array("Dear diary,\ntoday nothing happened.\n".utf8))
        #expect(problem(prose)?.hasPrefix("\(prose): nothing here looks like an episode") == true)
        #expect(problem("") == "\"\": an empty name is not a file")
    }

    @Test("a FIFO is refused at once instead of blocking")
    func fifo() throws {
        let path = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(problem(path) == "\(path): is a pipe, not an episode file")
    }

    @Test("a symlink loop is a clear message")
    func symlinkLoop() throws {
        let a = directory.appendingPathComponent("a").path
        let b = directory.appendingPathComponent("b").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        #expect(problem(a) == "\(a): too many levels of symbolic links")
    }

    @Test("a page without a transcript opens with a warning")
    func noTranscript() throws {
        let path = try file("page.txt", Array("Title\n\nShownotes\n\nNotes here.\n".utf8))
        let loaded = try EpisodeLoader.load(path)
        #expect(loaded.episode.segments.isEmpty)
        #expect(!loaded.episode.warnings.isEmpty)
    }

    @Test("a bare transcript takes its title from the file name")
    func fileNameTitle() throws {
        let path = try file("ep-12_cyber.txt", Array("00:00:01 Hi.\n".utf8))
        #expect(try EpisodeLoader.load(path).episode.title == "ep-12_cyber")
    }

    @Test("a file over the size limit is refused at once, without being read")
    func huge() throws {
        let path = directory.appendingPathComponent("huge.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)  // a sparse 1 GB file
        try handle.close()
        let started = Date()
        #expect(problem(path) == "\(path): is 1024 MB; podread opens episodes up to 256 MB")
        #expect(Date().timeIntervalSince(started) < 2)
    }
}

@Suite("Reading positions")
struct ReadingPositionKeyTests {
    @Test("each episode of a feed keeps its own position; a file keeps its path")
    func keys() {
        let first = ReadingPositions.key(for: "https://example.org/feed.xml", isBundledSample: false, identity: "guid:1")
        let second = ReadingPositions.key(for: "https://example.org/feed.xml", isBundledSample: false, identity: "guid:2")
        #expect(first == "https://example.org/feed.xml#guid:1")
        #expect(first != second)
        #expect(ReadingPositions.key(for: "/tmp/talk.vtt", isBundledSample: false) == "/tmp/talk.vtt")
        #expect(ReadingPositions.key(for: "/anywhere", isBundledSample: true) == "sample")
    }
}
