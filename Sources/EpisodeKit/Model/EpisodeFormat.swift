/// The kinds of source podread reads; the raw value is what `info` reports.
public enum EpisodeFormat: String, Sendable, CaseIterable {
    case pageText = "page-text"
    case webVTT = "webvtt"
    case srt = "srt"
    case podcastJSON = "podcast-json"
    case html = "html"
    case text = "text"
    case rss = "rss"
}
