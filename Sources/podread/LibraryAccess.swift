import EpisodeIO
import EpisodeKit
import Foundation
import PodcastLibrary
#if canImport(Glibc)
import Glibc
#endif

/// The library as the commands reach it, with its errors in podread's words.
enum LibraryAccess {
    static func open() throws -> Library {
        do {
            return try Library()
        } catch let error as LibraryError {
            throw CommandFailure(message: error.message)
        } catch {
            throw CommandFailure(message: "\(Library.databaseFile().path): \(SystemReason.of(error))")
        }
    }

    /// The library when one with podcasts exists; nil otherwise (never made on the way).
    static func existing() throws -> Library? {
        guard Library.exists() else { return nil }
        let library = try open()
        return library.isEmpty ? nil : library
    }

    /// A library failure as a command failure.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LibraryError {
            throw CommandFailure(message: error.message)
        }
    }

    /// The library's search index, brought up to date first (what changed
    /// since is indexed, with a progress line on a terminal). A missing or
    /// damaged index is built again, and said so in one line.
    static func searchIndex(of library: Library, purge: Bool = false) throws -> LibrarySnapshot {
        let onTerminal = isatty(STDERR_FILENO) == 1
        let store = SearchStore(library: library)
        let snapshot: LibrarySnapshot
        do {
            snapshot = try store.update(purge: purge) { done, total in
                guard onTerminal, done == total || done % 10 == 0 else { return }
                Output.progress("\r\u{1B}[Kpodread: indexing for search \(done)/\(total) episodes…")
            }
        } catch let error as LibraryError {
            throw CommandFailure(message: error.message)
        } catch {
            throw CommandFailure(message: "\(store.folder.path): \(SystemReason.of(error))")
        }
        let work = snapshot.work
        if onTerminal && work.indexed > 0 { Output.progress("\r\u{1B}[K") }
        if work.damaged > 0 {
            Output.error("the search index was damaged; indexed \(work.indexed + work.merged) episodes again")
        } else if work.outdated > 0 {
            Output.error("the search index was made by another version of podread; indexed \(work.indexed + work.merged) episodes again")
        } else if work.fromNothing && work.indexed > 0 {
            Output.error("made the search index: \(work.indexed) episode\(work.indexed == 1 ? "" : "s")")
        }
        return snapshot
    }

    /// Brings the search index up to date after the library changed; a
    /// failure is said, and the index is built again on the next search.
    static func updateSearchIndex(of library: Library, purge: Bool = false) {
        do {
            _ = try searchIndex(of: library, purge: purge)
        } catch {
            Output.error("the search index was not brought up to date (the next search does it): \(error)")
        }
    }

    /// Prints a refresh's progress over one line of a terminal.
    static func progressLine(_ progress: RefreshProgress) {
        var line = "podread: refreshing \(progress.feedsDone)/\(progress.feeds) feeds · \(progress.transcriptsFetched) transcripts"
        if progress.failures > 0 { line += " · \(progress.failures) failed" }
        Output.progress("\r\u{1B}[K" + line)
    }

    /// Refreshes and prints one line per podcast; returns whether every feed answered.
    static func refresh(_ podcasts: [Podcast], in library: Library) -> Bool {
        let onTerminal = isatty(STDERR_FILENO) == 1
        let reports = Refresher(library: library).refresh(podcasts) { progress in
            if onTerminal { progressLine(progress) }
        }
        if onTerminal { Output.progress("\r\u{1B}[K") }
        for report in reports { Output.line(line(for: report)) }
        updateSearchIndex(of: library)
        return reports.allSatisfy { $0.failure == nil }
    }

    static func line(for report: RefreshReport) -> String {
        let title = InertText.clean(report.podcast.title)
        if let failure = report.failure { return "\(title): failed: \(InertText.clean(failure)) (its last good copy is kept)" }
        var parts: [String] = []
        if report.unchanged {
            parts.append("unchanged")
        } else {
            parts.append("\(report.episodes) episode\(report.episodes == 1 ? "" : "s")")
            if report.newEpisodes > 0 { parts.append("\(report.newEpisodes) new") }
        }
        if report.transcriptsFetched > 0 { parts.append("\(report.transcriptsFetched) transcript\(report.transcriptsFetched == 1 ? "" : "s") fetched") }
        if !report.fileProblems.isEmpty { parts.append("\(report.fileProblems.count) file\(report.fileProblems.count == 1 ? "" : "s") could not be fetched") }
        var text = "\(title): " + parts.joined(separator: ", ")
        for problem in report.fileProblems.prefix(5) { text += "\n  " + InertText.clean(problem) }
        if report.fileProblems.count > 5 { text += "\n  … and \(report.fileProblems.count - 5) more" }
        return text
    }

    /// A feed as the library keeps it: a web address as given, a file by its full path.
    static func feedAddress(_ argument: String) -> String {
        if case .web = EpisodeLocation(argument: argument) { return argument }
        return URL(fileURLWithPath: argument).standardizedFileURL.path
    }
}
