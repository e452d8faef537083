import EpisodeIO
import EpisodeKit
import ReaderUI

extension AppServices {
    /// The services of a real session: this player, the clipboard and the
    /// journal for quotes, the desktop's opener for links.
    public static func real(player: Player) -> AppServices {
        AppServices(
            player: player,
            deliverQuote: { quote, format, copy in
                let outcome = QuoteDelivery.deliver(quote, format: format, copy: copy)
                return .quoteCopied(message: outcome.message, failed: outcome.journalFailed)
            },
            openLink: { link, copy in
                if let opener = ExternalOpener.opener(), ExternalOpener.open(link, with: opener) {
                    return .linkOpened(message: UIStrings.opening(link))
                }
                copy(link)
                return .linkOpened(message: UIStrings.copiedLink(link))
            },
            playerFor: { episode in PlayerHost(audio: episode.audioURL, duration: episode.duration) }
        )
    }
}
