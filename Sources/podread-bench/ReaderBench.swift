import EpisodeKit

/// Figures for the reader; filled in as the reader's parts arrive.
enum ReaderBench {
    struct Figure {
        var key: String
        var line: String
        var milliseconds: Double
    }

    static func run(sample: Episode, archive: SyntheticArchive, archiveIndex: SearchIndex) -> [Figure] {
        []
    }
}
