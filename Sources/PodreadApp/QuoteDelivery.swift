import EpisodeIO
import EpisodeKit
import Foundation

/// Puts a quote on the clipboard (OSC 52, and the desktop's tool when there
/// is one) and in the journal, and says what happened in one line.
public enum QuoteDelivery {
    public struct Outcome {
        public var message: String
        public var journalFailed: Bool
    }

    /// Quotes longer than this are still copied whole, with a note.
    public static let longQuoteWords = 200

    /// `copy` puts text on the clipboard through the terminal (OSC 52): the
    /// reader's own terminal, or for the command line the controlling one.
    public static func deliver(_ quote: Quote, format: QuoteFormat, copy: (String) -> Void) -> Outcome {
        let text = format.format(quote)
        copy(text)
        if let tool = ClipboardTools.available() { ClipboardTools.copy(text, with: tool) }

        let count = quote.segments.count
        let lines = count == 1 ? "1 line" : "\(count) lines"
        let what = quote.timestamp.isEmpty ? lines : quote.isRange ? "\(lines) \(quote.timestamp)" : quote.timestamp
        var message = "copied \(what) (\(format.rawValue)) to the clipboard"
        var failed = false
        do {
            try QuoteJournal().append(quote, format: format, text: text)
            message += " and the journal"
        } catch {
            message += "; the journal was not written: \(error.description)"
            failed = true
        }
        if quote.wordCount > longQuoteWords { message += " (a long quote: \(quote.wordCount) words, copied whole)" }
        return Outcome(message: message, journalFailed: failed)
    }
}
