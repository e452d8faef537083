import ArgumentParser
import EpisodeIO
import EpisodeKit
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the transcript as WebVTT, SRT, Podcasting 2.0 JSON, Markdown or text."
    )

    @OptionGroup var arguments: EpisodeArguments

    @Option(help: "webvtt (vtt), srt, podcast-json (json), markdown or text.")
    var format: String

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard TranscriptExporter.Format(name: format) != nil else {
            throw ValidationError("--format takes webvtt, vtt, srt, podcast-json, json, markdown or text, not \"\(format)\"")
        }
    }

    func run() throws {
        let episode = try arguments.load()
        let text = TranscriptExporter.export(episode, as: TranscriptExporter.Format(name: format)!)
        guard let output else {
            Output.line(String(text.dropLast()))
            return
        }
        try OutputFile.write(text, to: output)
    }
}
