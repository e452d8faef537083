import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a file operation failed, in plain words: the system's own reason
/// (`permission denied`, `no space left on device`) rather than
/// Foundation's error domains and codes.
public enum SystemReason {
    public static func of(_ error: Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain, let text = strerror(Int32(error.code)) { return String(cString: text).lowercased() }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let text = strerror(Int32(underlying.code)) {
            return String(cString: text).lowercased()
        }
        if error.domain == NSCocoaErrorDomain {
            switch error.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or directory"
            case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
            case NSFileWriteOutOfSpaceError: return "no space left on device"
            case NSFileWriteVolumeReadOnlyError: return "read-only file system"
            case NSFileWriteFileExistsError: return "a file is in the way"
            default: break
            }
        }
        return "the system refused it"
    }
}
