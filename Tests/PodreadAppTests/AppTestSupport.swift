import Foundation
import PodreadAssets
@testable import EpisodeKit
@testable import PodreadApp
import ReaderUI

/// The bundled sample, the services a test watches, and a way to run the app.
enum AppFixture {
    static let sample: Episode = {
        let url = BundledEpisodes.sample!
        return try! EpisodeReader.read(bytes: Array(try! Data(contentsOf: url)), fallbackTitle: "sample")
    }()

    static let sampleIndex = SearchIndex(episodes: [sample])

    static func app(width: Int = 80, height: Int = 24, episode: Episode = sample, settings: ReaderSettings = ReaderSettings()) -> AppState {
        AppState(.reader(ReaderState(episode: episode, index: episode.title == sample.title ? sampleIndex : nil,
                                     width: width, height: height, settings: settings), libraryEpisode: nil),
                 settings: settings)
    }
}

/// A player that only remembers what it was asked, and plays what it is told.
final class RecordingPlayer: Player {
    var commands: [PlayerCommand] = []
    var next: PlaybackReading?
    func reading() -> PlaybackReading? { next }
    func perform(_ command: PlayerCommand) { commands.append(command) }
    func stop() { commands.append(.pause) }
}

/// Services whose outcomes a test chooses, and which record what they were asked.
final class RecordingServices {
    let player = RecordingPlayer()
    var quotes: [(Quote, QuoteFormat)] = []
    var links: [String] = []
    var journalFails = false
    var hasOpener = true

    var services: AppServices {
        AppServices(
            player: player,
            deliverQuote: { quote, format, copy in
                self.quotes.append((quote, format))
                copy(format.format(quote))
                return .quoteCopied(message: self.journalFails ? "copied; the journal was not written: disk full" : "copied to the clipboard and the journal",
                                    failed: self.journalFails)
            },
            openLink: { link, copy in
                self.links.append(link)
                if self.hasOpener { return .linkOpened(message: "opening \(link)") }
                copy(link)
                return .linkOpened(message: "no opener here; link copied: \(link)")
            }
        )
    }
}

/// An index that is ready when the test says so.
final class LateIndex: IndexWork {
    var ready: SearchIndex?
    func finished() -> SearchIndex? { ready }
}
