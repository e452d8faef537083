import Foundation
import Testing
@testable import EpisodeIO
import TestSupport
import EpisodeKit
import Synchronization

/// Fetching feeds and transcripts from a server on 127.0.0.1; nothing here
/// leaves the machine.
@Suite("Loading over HTTP", .serialized)
final class HTTPLoadingTests {
    let server: LocalHTTPServer

    static let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann Lee>Hello from the web.\n\n00:00:03.000 --> 00:00:05.000\n<v Bo Chen>Hi.\n"
    static let chapters = #"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Start"},{"startTime":3,"title":"Middle"}]}"#

    static func feed(transcript: String, chapters: String = "chapters.json") -> String {
        """
        <rss version="2.0"><channel><title>Web Cast</title>
        <item><title>Second</title><pubDate>Tue, 03 Feb 2026 08:00:00 GMT</pubDate>
          <enclosure url="https://example.org/2.mp3" type="audio/mpeg"/>
          <podcast:transcript url="\(transcript)" type="text/vtt"/>
          <podcast:chapters url="\(chapters)" type="application/json+chapters"/></item>
        <item><title>First</title><pubDate>Mon, 02 Feb 2026 08:00:00 GMT</pubDate></item>
        </channel></rss>
        """
    }

    /// Twelve items: even ones link the transcript that is there, odd ones one that is not.
    static let manyItems: String = {
        let items = (1...12).map { number in
            "<item><title>Item \(number)</title><pubDate>Mon, \(String(format: "%02d", number)) Feb 2026 08:00:00 GMT</pubDate>"
                + "<podcast:transcript url=\"/files/\(number % 2 == 0 ? "talk.vtt" : "gone-\(number).vtt")\" type=\"text/vtt\"/></item>"
        }
        return "<rss version=\"2.0\"><channel><title>Many</title>" + items.joined() + "</channel></rss>"
    }()

    init() throws {
        server = try LocalHTTPServer(routes: [
            "/feeds/main.xml": .ok(Self.feed(transcript: "../files/talk.vtt", chapters: "/files/chapters.json"), type: "application/rss+xml"),
            "/feeds/missing.xml": .ok(Self.feed(transcript: "nowhere.vtt")),
            "/feeds/local-link.xml": .ok(Self.feed(transcript: "file:///etc/passwd", chapters: "/etc/hostname")),
            "/files/talk.vtt": .ok(Self.vtt, type: "text/vtt"),
            "/files/talk-as-html": .ok(Self.vtt, type: "text/html"),
            "/files/chapters.json": .ok(Self.chapters, type: "application/json"),
            "/hop1": .redirect("/hop2"), "/hop2": .redirect("/hop3"), "/hop3": .redirect("/files/talk.vtt"),
            "/loop": .redirect("/loop"),
            "/feeds/many.xml": .ok(Self.manyItems, type: "application/rss+xml"),
            "/silent": .silent,
            "/endless": .endless,
        ])
    }

    deinit { server.stop() }

    private let quick = LoadOptions(fetcher: HTTPFetcher(timeout: 2, maximumBytes: 1_000_000))

    private func problem(_ url: String, options: LoadOptions? = nil) -> String? {
        do {
            _ = try EpisodeLoader.load(url, options: options ?? quick)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("a feed over HTTP: relative transcript and chapters links are fetched")
    func feed() throws {
        let episode = try EpisodeLoader.load(server.base + "/feeds/main.xml").episode
        #expect(episode.format == .rss)
        #expect(episode.title == "Second")
        #expect(episode.podcast == "Web Cast")
        #expect(episode.segments.map(\.text) == ["Hello from the web.", "Hi."])
        #expect(episode.chapters.map(\.title) == ["Start", "Middle"])
        #expect(episode.audioURL == "https://example.org/2.mp3")
        #expect(episode.warnings.isEmpty)
    }

    @Test("--episode picks an item; out of range is a clear error")
    func episodeNumber() throws {
        let first = try EpisodeLoader.load(server.base + "/feeds/main.xml", options: LoadOptions(episodeNumber: 2)).episode
        #expect(first.title == "First")
        #expect(first.warnings.map(\.message) == ["the episode links no transcript"])
        let message = problem(server.base + "/feeds/main.xml", options: LoadOptions(episodeNumber: 3))
        #expect(message == "\(server.base)/feeds/main.xml: the feed has 2 episodes; --episode takes 1 to 2")
    }

    @Test("a transcript that cannot be fetched leaves the episode readable, with a warning")
    func missingTranscript() throws {
        let episode = try EpisodeLoader.load(server.base + "/feeds/missing.xml").episode
        #expect(episode.segments.isEmpty)
        #expect(episode.title == "Second")
        #expect(episode.warnings.contains { $0.message == "no transcript: \(server.base)/feeds/nowhere.vtt: the server answered HTTP 404" })
        // The reader's transcript pane says why.
        #expect(episode.transcriptProblem == "\(server.base)/feeds/nowhere.vtt: the server answered HTTP 404")
    }

    @Test("every episode of a feed is assembled, several at once, in the feed's order; failed transcripts say why")
    func wholeFeed() throws {
        let progress = Mutex<[Int]>([])
        let loaded = try EpisodeCollection.load([server.base + "/feeds/many.xml"], options: quick) { done, total in
            #expect(total == 12)
            progress.withLock { $0.append(done) }
        }
        #expect(loaded.episodes.map(\.episode.title) == (1...12).reversed().map { "Item \($0)" })
        let missing = loaded.episodes.filter { $0.episode.transcriptProblem != nil }
        #expect(missing.count == 6)
        #expect(missing.allSatisfy { $0.episode.transcriptProblem!.contains("HTTP 404") })
        #expect(loaded.episodes.filter { !$0.episode.segments.isEmpty }.count == 6)
        #expect(progress.withLock { $0.sorted() } == Array(1...12))
    }

    @Test("a feed from the web can never make podread read a local file")
    func noLocalFiles() throws {
        let episode = try EpisodeLoader.load(server.base + "/feeds/local-link.xml").episode
        #expect(episode.segments.isEmpty)
        #expect(episode.chapters.isEmpty)
        #expect(episode.warnings.count == 2)
    }

    @Test("a transcript URL opens directly, whatever its content type says")
    func directTranscript() throws {
        let episode = try EpisodeLoader.load(server.base + "/files/talk-as-html").episode
        #expect(episode.format == .webVTT)
        #expect(episode.segments.count == 2)
    }

    @Test("redirects are followed up to five")
    func redirects() throws {
        #expect(try EpisodeLoader.load(server.base + "/hop1").episode.segments.count == 2)
        let message = problem(server.base + "/loop")
        #expect(message?.hasPrefix("\(server.base)/loop: ") == true)
        #expect(message?.contains("redirects") == true)
    }

    @Test("a server that never answers is given up on in time")
    func silent() {
        let started = Date()
        #expect(problem(server.base + "/silent") == "\(server.base)/silent: no answer within 2 s")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test("a body that never ends is cut at the size cap")
    func endless() {
        #expect(problem(server.base + "/endless") == "\(server.base)/endless: larger than 976 KB")
    }

    @Test("a TLS handshake with a server that does not speak TLS fails clearly")
    func brokenTLS() {
        let url = "https://127.0.0.1:\(server.port)/files/talk.vtt"
        let message = problem(url)
        #expect(message?.hasPrefix(url + ": ") == true)
        #expect(message?.contains("no answer") == false)
    }

    @Test("nothing listening is a clear error")
    func refused() throws {
        let closed = try LocalHTTPServer(routes: [:])
        let url = closed.base + "/x.vtt"
        closed.stop()
        #expect(problem(url)?.hasPrefix(url + ": ") == true)
    }
}
