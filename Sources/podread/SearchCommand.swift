import ArgumentParser
import EpisodeIO
import EpisodeKit
import PodcastLibrary
#if canImport(Glibc)
import Glibc
#endif

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search what was said: transcripts, shownotes, people, reading and chapters.",
        discussion: """
            Words must all occur; the last also matches as a prefix; "quoted phrases" match \
            words in a row; -word excludes. Misspellings within one or two letters and \
            spoken numbers (2024 = "twenty twenty-four") match too. Exit status: 0 with hits, \
            1 with none, 2 on errors.
            """
    )

    @Argument(help: "What to search for.")
    var query: String

    @Argument(help: "Episode files, feeds or directories; the bundled sample when omitted.")
    var episodes: [String] = []

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: "Show at most this many hits.")
    var limit: Int?

    @Flag(help: "Match words exactly: no fuzzy matching of misspellings.")
    var exact = false

    @Flag(help: "Treat any problem in a file as an error.")
    var strict = false

    @Option(help: "With no episode named: search only this podcast of the library (its number or part of its title).")
    var podcast: String?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if query.allSatisfy(\.isWhitespace) { throw ValidationError("the query is empty") }
    }

    func run() throws {
        if episodes.isEmpty, let library = try LibraryAccess.existing() {
            try searchLibrary(library)
            return
        }
        if podcast != nil { throw CommandFailure(message: "--podcast narrows a search of the library; the library is empty") }
        // A feed's transcripts are fetched several at once; a terminal sees how far it is.
        let onTerminal = isatty(STDERR_FILENO) == 1
        let loaded = try EpisodeCollection.load(episodes, options: LoadOptions(strict: strict)) { done, total in
            guard onTerminal, total > 1 else { return }
            Output.progress("\r\u{1B}[Kpodread: fetching transcripts \(done)/\(total)…")
        }
        if onTerminal { Output.progress("\r\u{1B}[K") }
        for problem in loaded.skipped { Output.error("skipped \(problem.description)") }
        defer { Self.reportUnsearched(loaded.episodes) }
        let index = SearchIndex(episodes: loaded.episodes.map(\.episode))
        let results = index.search(SearchQuery(query, exact: exact))
        let hits = results.hits(limit: limit ?? .max)
        if json {
            let names = loaded.episodes.map(\.episode.title)
            Output.line(SearchReport.json(results, hits: hits, episodeNames: names).serialized(pretty: true))
        } else {
            let marked = isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil
            var lastEpisode = -1
            let labels = Self.groupLabels(loaded.episodes)
            for hit in hits {
                if loaded.episodes.count > 1 && hit.episode != lastEpisode {
                    Output.line("# " + InertText.clean(labels[hit.episode]))
                    lastEpisode = hit.episode
                }
                Output.line(SearchReport.line(hit, marked: marked))
            }
        }
        if results.isEmpty { throw nothingFound("no hits for \(InertText.clean(query))") }
    }

    /// Every episode of the library (or of one podcast), from the index
    /// kept on disk: hits as `podcast · episode · HH:MM:SS  text`, JSON
    /// grouped by episode.
    private func searchLibrary(_ library: Library) throws {
        let podcastID = try podcast.map { name in try LibraryAccess.run { try library.podcast(named: name) }.id }
        let snapshot = try LibraryAccess.searchIndex(of: library)
        let results = snapshot.search(SearchQuery(query, exact: exact), podcastID: podcastID ?? nil)
        let hits = results.hits(limit: limit ?? .max)
        let directory = snapshot.directory
        if json {
            var order: [Int] = []
            var grouped: [Int: [SearchHit]] = [:]
            for hit in hits {
                if grouped[hit.episode] == nil { order.append(hit.episode) }
                grouped[hit.episode, default: []].append(hit)
            }
            let names = directory.map(\.title)
            let groups: [JSONValue] = order.map { place in
                let info = directory[place]
                let hitsJSON = results.episodes.first { $0.place == place }.map {
                    SearchReport.json(results.segmentResults(of: $0), hits: grouped[place] ?? [], episodeNames: names)
                }
                return .object([
                    ("podcast", .string(info.podcast)), ("number", .int(info.number)), ("title", .string(info.title)),
                    ("date", .optional(info.date)), ("hits", hitsJSON?.member("hits") ?? .array([])),
                ])
            }
            Output.line(JSONValue.object([("query", .string(query)), ("total", .int(results.total)), ("episodes", .array(groups))])
                .serialized(pretty: true))
        } else {
            let marked = isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil
            for hit in hits {
                let info = directory[hit.episode]
                Output.line(InertText.clean("\(info.podcast) · \(info.title)") + " · " + SearchReport.line(hit, marked: marked))
            }
        }
        if results.isEmpty { throw nothingFound("no hits for \(InertText.clean(query))") }
    }

    /// Which episodes were searched without their transcript, and why
    /// (their shownotes, people and reading were still searched).
    static func reportUnsearched(_ episodes: [LoadedEpisode]) {
        let missing = episodes.filter { $0.episode.transcriptProblem != nil }
        guard !missing.isEmpty else { return }
        let count = missing.count == 1 ? "1 episode" : "\(missing.count) episodes"
        Output.error("\(count) of \(episodes.count) searched without a transcript (it could not be fetched); their shownotes were searched:")
        for loaded in missing {
            Output.progress("  " + InertText.clean(loaded.episode.title) + ": " + InertText.clean(loaded.episode.transcriptProblem ?? "") + "\n")
        }
    }

    /// Each episode's heading: its title, and where titles repeat (files of
    /// one episode, each transcript titled "Transcript"), its file name too.
    static func groupLabels(_ episodes: [LoadedEpisode]) -> [String] {
        var seen: [String: Int] = [:]
        for loaded in episodes { seen[loaded.episode.title, default: 0] += 1 }
        return episodes.map { loaded in
            let title = loaded.episode.title
            guard seen[title, default: 0] > 1 else { return title }
            let name = loaded.source.split(separator: "/").last.map(String.init) ?? loaded.source
            let feedEpisode = loaded.episode.identity != nil && loaded.episode.publicationDate != nil
            return feedEpisode ? "\(title) (\(name), \(loaded.episode.publicationDate!.description))" : "\(title) (\(name))"
        }
    }
}
