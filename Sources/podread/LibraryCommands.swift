import ArgumentParser
import EpisodeIO
import EpisodeKit
import Foundation
import PodcastLibrary

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Follow podcasts: each feed (a URL or a local feed file) is fetched at once and kept offline."
    )

    @Argument(help: "Feed URLs or feed files.")
    var feeds: [String]

    func validate() throws {
        if feeds.isEmpty { throw ValidationError("name at least one feed") }
    }

    func run() throws {
        let library = try LibraryAccess.open()
        var failed = false
        var added = false
        for argument in feeds {
            let address = LibraryAccess.feedAddress(argument)
            if let known = try LibraryAccess.run({ try library.podcast(feedURL: address) }) {
                let count = try LibraryAccess.run({ try library.episodes(of: known).count })
                Output.line("\(InertText.clean(known.title)): already in the library (\(count) episodes); nothing changed")
                continue
            }
            let podcast = try LibraryAccess.run({ try library.subscribe(feedURL: address, title: nil).podcast })
            let report = Refresher(library: library).refreshOne(podcast)
            if let failure = report.failure {
                // Nothing is added for a feed that cannot be read.
                try? library.remove(podcast)
                Output.error(failure)
                failed = true
                continue
            }
            Output.line("added " + LibraryAccess.line(for: report))
            added = true
        }
        if added { LibraryAccess.updateSearchIndex(of: library) }
        if failed { throw ExitCode(ExitStatus.inputError) }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Follow every feed of an OPML file, then refresh them (exit 1 when some could not be fetched)."
    )

    @Argument(help: "An OPML file, as podcast apps export them.")
    var file: String

    func run() throws {
        let bytes = try FileBytes.read(path: file)
        let feeds: [OPMLFeed]
        do {
            let read = try OPML.read(EpisodeReader.decode(bytes))
            for warning in read.warnings { Output.error("\(file):\(warning.description)") }
            feeds = read.feeds
        } catch {
            throw CommandFailure(message: "\(file):\(error.line.map { "\($0):" } ?? "") \(error.message)")
        }
        let library = try LibraryAccess.open()
        var added: [Podcast] = []
        let opml = EpisodeLocation(argument: file)
        for feed in feeds {
            // A path in the OPML is a feed file beside it.
            let address = opml.resolve(feed.url).map { LibraryAccess.feedAddress($0.description) } ?? feed.url
            let subscribed = try LibraryAccess.run({ try library.subscribe(feedURL: address, title: feed.title) })
            if subscribed.isNew { added.append(subscribed.podcast) }
        }
        Output.line("following \(added.count) new podcast\(added.count == 1 ? "" : "s") of the \(feeds.count) in \(file)")
        // A feed that cannot be fetched now stays followed: the next refresh tries again.
        if !LibraryAccess.refresh(added, in: library) { throw ExitCode(ExitStatus.nothingFound) }
    }
}

struct ExportOPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-opml",
        abstract: "Write the podcasts followed as OPML, for other podcast apps."
    )

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let podcasts = try LibraryAccess.existing().map { library in try LibraryAccess.run { try library.podcasts() } } ?? []
        let text = OPML.write(podcasts.map { OPMLFeed(url: $0.feedURL, title: $0.title) })
        guard let output else {
            Output.line(String(text.dropLast()))
            return
        }
        try OutputFile.write(text, to: output)
    }
}

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Stop following a podcast: its episodes, positions and cached files go."
    )

    @Argument(help: "The podcast: its number in 'podread library' or a unique part of its title.")
    var podcast: String

    func run() throws {
        guard let library = try LibraryAccess.existing() else { throw CommandFailure(message: "the library is empty: nothing to remove") }
        let found = try LibraryAccess.run { try library.podcast(named: podcast) }
        try LibraryAccess.run { try library.remove(found) }
        Output.line("removed \(InertText.clean(found.title))")
        LibraryAccess.updateSearchIndex(of: library, purge: true)
    }
}

struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "List the podcasts followed: episodes, transcripts, when each was refreshed."
    )

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Flag(help: "Move the library's database aside (kept, with the date in its name) and start an empty one.")
    var reset = false

    func run() throws {
        if reset {
            do {
                if let aside = try Library.reset() {
                    Output.line("moved the library aside to \(aside.path); the next command starts an empty one")
                } else {
                    Output.line("there is no library to reset")
                }
            } catch {
                throw CommandFailure(message: "\(Library.databaseFile().path): cannot move it (\(SystemReason.of(error)))")
            }
            return
        }
        let library = Library.exists() ? try LibraryAccess.open() : nil
        let podcasts = try library.map { library in try LibraryAccess.run { try library.podcasts() } } ?? []
        let counts = try library.map { library in try LibraryAccess.run { try library.counts() } } ?? [:]
        if json {
            let items: [JSONValue] = podcasts.enumerated().map { number, podcast in
                let count = podcast.id.flatMap { counts[$0] } ?? (0, 0, 0)
                return .object([
                    ("number", .int(number + 1)), ("title", .string(podcast.title)), ("feed", .string(podcast.feedURL)),
                    ("episodes", .int(count.episodes)), ("transcripts", .int(count.transcripts)),
                    ("refreshed", podcast.lastFetched.map { .string(Self.timestamp($0)) } ?? .null),
                ])
            }
            Output.line(JSONValue.object([("podcasts", .array(items))]).serialized(pretty: true))
        } else {
            for (number, podcast) in podcasts.enumerated() {
                let count = podcast.id.flatMap { counts[$0] } ?? (0, 0, 0)
                let refreshed = podcast.lastFetched.map { "refreshed " + Self.timestamp($0) } ?? "never refreshed"
                let failure = podcast.lastError.map { " · last refresh failed: " + InertText.clean($0) } ?? ""
                Output.line("\(number + 1). \(InertText.clean(podcast.title))  \(count.episodes) episodes, \(count.transcripts) transcripts, \(refreshed)\(failure)")
            }
        }
        if podcasts.isEmpty {
            Output.error("the library is empty: 'podread add FEED' follows a podcast, 'podread import FILE.opml' many")
        }
    }

    /// `2026-11-30 17:01` in the local time.
    static func timestamp(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}

struct RefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fetch what is new: feeds a few at a time with conditional requests, then new transcripts and chapters (exit 1 when some feeds failed)."
    )

    @Argument(help: "Podcasts to refresh (numbers or parts of titles); all when none is named.")
    var podcasts: [String] = []

    func run() throws {
        guard let library = try LibraryAccess.existing() else {
            Output.error("the library is empty: 'podread add FEED' follows a podcast")
            return
        }
        let chosen = try podcasts.isEmpty ? LibraryAccess.run { try library.podcasts() }
            : podcasts.map { name in try LibraryAccess.run { try library.podcast(named: name) } }
        if !LibraryAccess.refresh(chosen, in: library) { throw ExitCode(ExitStatus.nothingFound) }
    }
}
