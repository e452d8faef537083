#if canImport(Glibc)
import Glibc
#endif

/// An index saved whole in one file and mapped back read-only: opening
/// one reads only its header, and a query touches only the pages of the
/// words it asks for.
public enum IndexFile {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Writes the index (which must keep its texts) to `path`: into a
    /// temporary file beside it, flushed to the disk, then renamed over
    /// `path`, so a crash leaves the old file or the new one, never half.
    public static func save(_ index: SearchIndex, to path: String) throws {
        let temporary = path + ".partial-\(getpid())"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(temporary) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        let bytes = index.bytes
        var written = 0
        while written < bytes.count {
            let result = write(descriptor, bytes.baseAddress!.advanced(by: written), bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                let error = failure(temporary)
                unlink(temporary)
                throw error
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            let error = failure(temporary)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        closed = true
        guard rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    /// The index in `path`, mapped; nil when the file is missing, of
    /// another format version, cut short or otherwise not an index.
    public static func open(_ path: String) -> SearchIndex? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= IndexLayout.headerSize,
              let memory = IndexMemory(mapping: descriptor, size: Int(status.st_size)),
              let layout = IndexLayout.read(memory.base) else { return nil }
        let tables = layout.tables(in: memory.base)
        guard IndexLayout.consistent(tables), tables.keepsTexts || tables.unitCount == 0 else { return nil }
        return SearchIndex(episodes: [], memory: memory, tables: tables)
    }

    /// Whether `path` holds an index made by another version of podread
    /// (a format of its own, to be made again rather than called damaged).
    public static func isOtherVersion(_ path: String) -> Bool {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 12)
        guard Glibc.read(descriptor, &header, 12) == 12 else { return false }
        return header.withUnsafeBytes { IndexLayout.isOtherVersion($0) }
    }

    private static func failure(_ path: String) -> Failure {
        Failure(description: "\(path): \(String(cString: strerror(errno)))")
    }
}
