import ArgumentParser
import CursesTerminal
import EpisodeIO
import EpisodeKit
import PodreadApp

struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Print a quote with its timestamp; --copy also puts it on the clipboard and in the journal."
    )

    @OptionGroup var arguments: EpisodeArguments

    @Option(help: "The segment playing at this time (e.g. 12:31).")
    var at: String

    @Option(help: "Extend the quote to the segment playing at this time.")
    var to: String?

    @Option(help: "plain, markdown, json or cite.")
    var format: String = QuoteFormat.plain.rawValue

    @Flag(help: "Also copy it to the clipboard and keep it in the journal.")
    var copy = false

    func validate() throws {
        guard QuoteFormat(rawValue: format) != nil else {
            throw ValidationError("--format takes \(QuoteFormat.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(format)\"")
        }
    }

    func run() throws {
        let episode = try arguments.load()
        let range = try TimeRange.checked(start: at, end: to,
                                          startOption: "--at", endOption: "--to", in: episode)
        guard !episode.segments.isEmpty else { throw CommandFailure(message: "\(episode.title): the episode has no transcript to quote") }
        let timeline = SegmentTimeline(segments: episode.segments)
        let first = timeline.segmentIndex(at: range.start ?? .zero) ?? 0
        let last = range.end.flatMap { timeline.segmentIndex(at: $0) } ?? first
        let quote = Quote(episode: episode, segments: min(first, last)...max(first, last))
        // `--json` (which every episode command takes) is the json format.
        let chosen = arguments.json ? .json : QuoteFormat(rawValue: format) ?? .plain
        Output.line(chosen.format(quote))
        if copy {
            let outcome = QuoteDelivery.deliver(quote, format: chosen, copy: { _ = Clipboard.copyToControllingTerminal($0) })
            if outcome.journalFailed { throw CommandFailure(message: outcome.message) }
        }
    }
}

struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List the quote journal, oldest first."
    )

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let journal = QuoteJournal()
        let entries: [QuoteJournal.Entry]
        do {
            entries = try journal.entries()
        } catch {
            throw CommandFailure(message: error.description)
        }
        if json {
            Output.line(JSONValue.object([("quotes", .array(entries.map { entry in
                .object([
                    ("date", .string(entry.date)), ("episode", .string(entry.episode)), ("podcast", .optional(entry.podcast)),
                    ("timestamp", .string(entry.timestamp)), ("format", .string(entry.format)), ("text", .string(entry.text)),
                ])
            }))]).serialized(pretty: true))
        } else {
            for entry in entries {
                Output.line(InertText.clean("\(entry.date)  \(entry.timestamp)  \(entry.episode)  (\(entry.format))"))
                Output.line(InertText.clean(entry.text, keepingLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    " + $0 }.joined(separator: "\n"))
            }
        }
        if entries.isEmpty { throw nothingFound("the quote journal is empty (\(journal.file.path))") }
    }
}
