import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    /// The system's reason for a failed write (permission denied, disk full).
    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain, let text = strerror(Int32(code)) {
            return String(cString: text).lowercased()
        }
        if (error as NSError).domain == NSCocoaErrorDomain {
            switch (error as NSError).code {
            case NSFileWriteNoPermissionError: return "permission denied"
            case NSFileWriteOutOfSpaceError: return "no space left on the device"
            case NSFileWriteVolumeReadOnlyError: return "the disk is read-only"
            default: break
            }
        }
        return "the system refused it"
    }
}
