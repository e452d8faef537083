import EpisodeIO
import Foundation

/// Why a file cannot be written, in podread's words rather than Foundation's.
enum OutputFile {
    /// A problem known before writing: the path is a folder, or its folder is missing.
    static func problem(writing path: String) -> String? {
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return "is a directory; give a file name (-o \(path.hasSuffix("/") ? path : path + "/")talk.vtt)"
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            return "the folder \(folder) does not exist"
        }
        if !folder.isEmpty, !isDirectory.boolValue { return "\(folder) is not a folder" }
        return nil
    }

    /// Writes `text` to `path` whole, or fails with a line that names what is wrong.
    static func write(_ text: String, to path: String) throws {
        if let problem = problem(writing: path) { throw CommandFailure(message: "\(path): \(problem)") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "\(path): cannot write it (\(SystemReason.of(error)))")
        }
    }
}
