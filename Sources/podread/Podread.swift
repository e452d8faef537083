import ArgumentParser

struct Podread: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podread",
        abstract: "Read, search and quote podcast episodes in the terminal.",
        discussion: "With no command, opens EPISODE (or the bundled sample) in the reader.",
        version: "0.1.0",
        subcommands: [ReadCommand.self, InfoCommand.self, TranscriptCommand.self, ReadingCommand.self,
                      SearchCommand.self, QuoteCommand.self, QuotesCommand.self, ChaptersCommand.self,
                      EpisodesCommand.self, ExportCommand.self, AddCommand.self, ImportCommand.self, ExportOPMLCommand.self,
                      RemoveCommand.self, LibraryCommand.self, RefreshCommand.self],
        defaultSubcommand: ReadCommand.self
    )
}
