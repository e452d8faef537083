import EpisodeKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every quote podread copies, kept in `$XDG_DATA_HOME/podread/quotes.md`
/// (default `~/.local/share/podread/quotes.md`), so a quote is never lost when
/// the clipboard is overwritten.
///
/// Each entry is appended with one `write` on a file opened with
/// `O_APPEND` and synced before success is reported, so two podreads quoting
/// at once, or one killed mid-quote, never leave a torn or interleaved
/// entry. The file is private to the user (0600, its folder 0700).
public struct QuoteJournal: Sendable {
    public let file: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        file = XDGDirectory.data.podreadFolder(environment: environment).appendingPathComponent("quotes.md")
    }

    public init(file: URL) { self.file = file }

    /// One journal entry as it was written.
    public struct Entry: Sendable, Equatable {
        public var date: String
        public var episode: String
        public var podcast: String?
        public var timestamp: String
        public var format: String
        public var text: String
    }

    static let opening = "<!-- podread-quote "
    static let closing = "<!-- /podread-quote -->"

    /// The bytes of one entry: a heading for people, a comment with the
    /// details for `podread quotes`, the quote text once, an end marker.
    static func entry(_ quote: Quote, format: QuoteFormat, text: String, date: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: date)
        let details = JSONValue.object([
            ("date", .string(stamp)), ("episode", .string(quote.episodeTitle)), ("podcast", .optional(quote.podcast)),
            ("timestamp", .string(quote.timestamp)), ("format", .string(format.rawValue)),
        ]).serialized().replacingOccurrences(of: "--", with: "\\u002d\\u002d")
        let heading = "### \(quote.timestamp.isEmpty ? "" : quote.timestamp + " · ")\(quote.episodeTitle) · \(stamp)"
        return "\(heading)\n\(opening)\(details) -->\n\n\(text.replacingOccurrences(of: closing, with: "<!-- / podread-quote -->"))\n\n\(closing)\n\n"
    }

    /// Appends one quote; returns only after the entry is on disk.
    public func append(_ quote: Quote, format: QuoteFormat, text: String, date: Date = Date()) throws(JournalError) {
        let directory = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError(path: directory.path, problem: "cannot create the folder (\(Self.reason(error)))")
        }
        let bytes = Array(Self.entry(quote, format: format, text: text, date: date).utf8)
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw JournalError(path: file.path, problem: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        // One write: appends of this size are not interleaved with other
        // writers' appends. A short write (a full disk) is an error.
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            let problem = written < 0 ? String(cString: strerror(errno)) : "the disk took only part of the entry"
            throw JournalError(path: file.path, problem: problem)
        }
        guard fsync(descriptor) == 0 else { throw JournalError(path: file.path, problem: String(cString: strerror(errno))) }
    }

    /// Every whole entry in the journal, oldest first.
    public func entries() throws(JournalError) -> [Entry] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw JournalError(path: file.path, problem: "cannot read it")
        }
        return Self.parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        var rest = text[...]
        while let start = rest.firstRange(of: opening) {
            let afterOpening = rest[start.upperBound...]
            guard let detailsEnd = afterOpening.firstRange(of: " -->\n"),
                  let close = afterOpening.firstRange(of: closing) else { break }
            let details = String(afterOpening[..<detailsEnd.lowerBound])
            let body = afterOpening[detailsEnd.upperBound..<close.lowerBound]
            rest = afterOpening[close.upperBound...]
            guard let object = try? JSONSerialization.jsonObject(with: Data(details.utf8)) as? [String: Any] else { continue }
            entries.append(Entry(
                date: object["date"] as? String ?? "",
                episode: object["episode"] as? String ?? "",
                podcast: object["podcast"] as? String,
                timestamp: object["timestamp"] as? String ?? "",
                format: object["format"] as? String ?? "",
                text: body.trimmingCharacters(in: .newlines)
            ))
        }
        return entries
    }

    private static func reason(_ error: Error) -> String {
        SystemReason.of(error)
    }
}

/// The journal could not be written or read.
public struct JournalError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }
}
