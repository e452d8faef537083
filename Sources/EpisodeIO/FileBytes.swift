#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole regular file, refusing what is not one.
///
/// Opening with `O_NONBLOCK` and checking `fstat` before reading means a FIFO
/// or a device never blocks podread, and a file over the size limit is
/// refused before any of it is read.
public enum FileBytes {
    /// Episodes larger than this are refused; the largest real transcripts
    /// are a few megabytes.
    static let maximumSize = 256 * 1024 * 1024

    public static func read(path: String) throws(LoadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw LoadError(path: path, problem: describe(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LoadError(path: path, problem: describe(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw LoadError(path: path, problem: "is a directory, not an episode file")
        case S_IFIFO: throw LoadError(path: path, problem: "is a pipe, not an episode file")
        default: throw LoadError(path: path, problem: "is not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= maximumSize else {
            throw LoadError(path: path, problem: "is \(size / 1_048_576) MB; podread opens episodes up to \(maximumSize / 1_048_576) MB")
        }
        // Read straight into the array's storage: no zeroing first, no copy after.
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }  // the file shrank while we read it
                filled += count
            }
            initialized = failure == nil ? filled : 0
        }
        if let failure { throw LoadError(path: path, problem: describe(failure)) }
        return bytes
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "too many levels of symbolic links"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENAMETOOLONG: return "the path is too long"
        case EISDIR: return "is a directory, not an episode file"
        default: return String(cString: strerror(code))
        }
    }
}
