import EpisodeIO
import EpisodeKit
import Foundation
@testable import PodcastLibrary
import Synchronization
import Testing
import TestSupport

/// The library against a generated library served on 127.0.0.1.
@Suite("The library", .serialized)
struct LibraryTests {
    let generated: GeneratedLibrary
    let library: Library

    init() throws {
        generated = try GeneratedLibrary()
        library = try Library(environment: generated.environment)
    }

    func importAll() throws -> [RefreshReport] {
        let feeds = try OPML.read(EpisodeReader.decode(Array(Data(contentsOf: generated.opml)))).feeds
        for feed in feeds { try library.subscribe(feedURL: feed.url, title: feed.title) }
        return Refresher(library: library).refresh(try library.podcasts())
    }

    @Test("import, refresh: every podcast, episode and transcript the manifest lists")
    func importAndRefresh() throws {
        let reports = try importAll()
        #expect(reports.count == 3 && reports.allSatisfy { $0.failure == nil })
        let podcasts = try library.podcasts()
        #expect(podcasts.count == 3)
        let counts = try library.counts()
        for (number, podcast) in podcasts.enumerated() {
            let expected = generated.episodes(ofFeed: number)
            #expect(counts[podcast.id!]?.episodes == expected)
            #expect(counts[podcast.id!]?.transcripts == expected)
            #expect(podcast.title != podcast.feedURL)
        }
        // Offline: a library episode opens from the cache, with its transcript.
        let opened = try library.openEpisode(of: podcasts[0], number: 1)
        let listed = generated.manifest.first { ($0["feed"] as? String) == "feeds/show-00.xml" && ($0["newest_first"] as? Int) == 1 }
        #expect(opened.episode.title == (listed?["title"] as? String))
        #expect(opened.episode.segments.count == (listed?["segments"] as? Int))
    }

    @Test("a refresh with nothing changed costs one 304 per feed and nothing else")
    func notModified() throws {
        _ = try importAll()
        let before = generated.server.requests.count
        let reports = Refresher(library: library).refresh(try library.podcasts())
        #expect(reports.allSatisfy { $0.unchanged })
        let second = generated.server.requests.dropFirst(before)
        #expect(second.count == 3)
        #expect(second.allSatisfy { $0.status == 304 })
    }

    @Test("a feed that fails is reported with its reason, does not stop the others, and keeps its last good copy")
    func failingFeed() throws {
        _ = try importAll()
        let path = "/feeds/show-01.xml"
        generated.server.route(path, .status(500))
        let reports = Refresher(library: library).refresh(try library.podcasts())
        #expect(reports[1].failure?.contains("HTTP 500") == true)
        #expect(reports[0].failure == nil && reports[2].failure == nil)
        let podcast = try library.podcasts()[1]
        #expect(podcast.lastError?.contains("HTTP 500") == true)
        #expect(try library.episodes(of: podcast).count == generated.episodes(ofFeed: 1))
        // A web page where the feed was: not a feed, said so.
        generated.server.route(path, .ok("<html><body><p>Moved to our new site!</p></body></html>", type: "text/html"))
        let page = Refresher(library: library).refreshOne(podcast)
        #expect(page.failure?.contains("not a podcast feed") == true)
    }

    @Test("a feed that changes: a new episode appears once, one that drops out stays with its position")
    func changingFeed() throws {
        _ = try importAll()
        let podcast = try library.podcasts()[0]
        let episodes = try library.episodes(of: podcast)
        // The feed drops an item (the last it lists) and gains a new one.
        let file = generated.site.appendingPathComponent("feeds/show-00.xml")
        var xml = try String(contentsOf: file, encoding: .utf8)
        let lastItem = try #require(xml.range(of: "<item>", options: .backwards))
        let lastEnd = try #require(xml.range(of: "</item>", range: lastItem.upperBound..<xml.endIndex))
        let block = String(xml[lastItem.lowerBound..<lastEnd.upperBound])
        let guid = try #require(block.range(of: "<guid isPermaLink=\"false\">").flatMap { start in
            block.range(of: "</guid>", range: start.upperBound..<block.endIndex).map { String(block[start.upperBound..<$0.lowerBound]) }
        })
        let oldest = try #require(episodes.first { $0.identity == "guid:" + guid })
        try library.savePosition(TimeCode(milliseconds: 61_000), ofEpisode: oldest.id!, finished: false)
        xml.removeSubrange(lastItem.lowerBound..<lastEnd.upperBound)
        let fresh = """
            <item>
              <title>A brand new episode</title>
              <guid isPermaLink="false">brand-new-1</guid>
              <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate>
              <description>New.</description>
            </item>
            """
        xml = xml.replacingOccurrences(of: "</channel>", with: fresh + "\n</channel>")
        Thread.sleep(forTimeInterval: 0.01)  // a later modification time: a new validator
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let report = Refresher(library: library).refreshOne(try library.podcasts()[0])
        #expect(report.failure == nil && !report.unchanged && report.newEpisodes == 1)
        let after = try library.episodes(of: podcast)
        #expect(after.count == episodes.count + 1)
        #expect(after.filter { $0.title == "A brand new episode" }.count == 1)
        let kept = try #require(after.first { $0.id == oldest.id })
        #expect(!kept.inFeed && kept.position == 61)
        #expect(kept.transcriptCached)
        // Refreshing again changes nothing: no duplicates.
        _ = Refresher(library: library).refreshOne(try library.podcasts()[0])
        #expect(try library.episodes(of: podcast).count == after.count)
    }

    @Test("a permanent redirect moves the feed's stored address")
    func movedFeed() throws {
        _ = try importAll()
        let podcast = try library.podcasts()[2]
        generated.server.route("/old/feed.xml", .moved("/feeds/show-02.xml"))
        var moved = podcast
        moved.feedURL = generated.server.base + "/old/feed.xml"
        try library.update(moved)
        try FileManager.default.removeItem(at: library.cache.feed(podcast.id!))  // no validators: a full answer
        let report = Refresher(library: library).refreshOne(moved)
        #expect(report.failure == nil)
        #expect(try library.podcasts()[2].feedURL == generated.feedURL(2))
    }

    @Test("OPML out and in again gives the same feeds")
    func opmlRoundTrip() throws {
        _ = try importAll()
        let podcasts = try library.podcasts()
        let written = OPML.write(podcasts.map { OPMLFeed(url: $0.feedURL, title: $0.title) })
        let read = try OPML.read(SourceText(string: written)).feeds
        #expect(read.map(\.url) == podcasts.map(\.feedURL))
        #expect(read.map(\.title) == podcasts.map(\.title))
    }

    @Test("a refresh and reads at once, from two connections: no 'database is locked'")
    func concurrentReadAndRefresh() throws {
        _ = try importAll()
        let other = try Library(environment: generated.environment)
        let failures = Mutex(0)
        let done = Mutex(false)
        let reader = Thread {
            while !done.withLock({ $0 }) {
                do {
                    for podcast in try other.podcasts() { _ = try other.episodes(of: podcast) }
                    try other.savePosition(TimeCode(milliseconds: 5_000), forKey: "/some/file.vtt")
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
        }
        reader.start()
        for _ in 0..<3 {
            for podcast in try library.podcasts() {
                try FileManager.default.removeItem(at: library.cache.feed(podcast.id!))
            }
            let reports = Refresher(library: library).refresh(try library.podcasts())
            #expect(reports.allSatisfy { $0.failure == nil })
        }
        done.withLock { $0 = true }
        while reader.isExecuting { usleep(10_000) }
        #expect(failures.withLock { $0 } == 0)
    }

    @Test("podcasts are named by number or a unique part of the title; an ambiguous part lists the candidates")
    func naming() throws {
        _ = try importAll()
        let podcasts = try library.podcasts()
        #expect(try library.podcast(named: "2") == podcasts[1])
        let word = podcasts[0].title.split(separator: " ").first.map(String.init) ?? ""
        #expect(try library.podcast(named: word.lowercased()) == podcasts[0])
        #expect(throws: LibraryError.self) { try library.podcast(named: "weekly") }
        do {
            _ = try library.podcast(named: "weekly")
        } catch let error as LibraryError {
            #expect(error.message.contains("matches 3 podcasts") && error.message.contains("1. "))
        }
        #expect(throws: LibraryError.self) { try library.podcast(named: "9") }
    }

    @Test("positions kept in positions.json are carried in once")
    func positionsCarriedIn() throws {
        let state = URL(fileURLWithPath: generated.environment["XDG_STATE_HOME"]!).appendingPathComponent("podread")
        let fresh = generated.root.appendingPathComponent("fresh")
        var environment = generated.environment
        environment["XDG_DATA_HOME"] = fresh.path
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try #"{"version":1,"positions":{"/talks/a.vtt":96.5,"sample":30}}"#.write(to: state.appendingPathComponent("positions.json"),
                                                                                 atomically: true, encoding: .utf8)
        let carried = try Library(environment: environment)
        #expect(try carried.position(forKey: "/talks/a.vtt") == TimeCode(milliseconds: 96_500))
        #expect(try carried.position(forKey: "sample") == TimeCode(milliseconds: 30_000))
        // Once: a later change of the old file is not read again.
        try carried.savePosition(TimeCode(milliseconds: 10_000), forKey: "sample")
        let again = try Library(environment: environment)
        #expect(try again.position(forKey: "sample") == TimeCode(milliseconds: 10_000))
    }

    @Test("a damaged database is kept and named; reset moves it aside")
    func damaged() throws {
        let broken = generated.root.appendingPathComponent("broken")
        var environment = generated.environment
        environment["XDG_DATA_HOME"] = broken.path
        let file = Library.databaseFile(environment: environment)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x5A, count: 8192)
        try garbage.write(to: file)
        #expect(throws: LibraryError.self) { try Library(environment: environment) }
        do {
            _ = try Library(environment: environment)
        } catch let error as LibraryError {
            #expect(error.message.contains("is damaged") && error.message.contains("podread library --reset"))
        }
        #expect(try Data(contentsOf: file) == garbage)
        let aside = try #require(try Library.reset(environment: environment))
        #expect(aside.lastPathComponent.hasPrefix("library-2") && FileManager.default.fileExists(atPath: aside.path))
        #expect(try Library(environment: environment).isEmpty)
    }
}

@Suite("The library at scale")
struct LibraryScaleTests {
    @Test("a feed of 10,000 items is stored, and stored again unchanged, whole")
    func bigFeed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("podread-big-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let items = (1...10_000).map { number in
            "<item><title>Episode \(number)</title><guid>big-\(number)</guid><pubDate>Mon, 02 Feb 2026 08:00:00 GMT</pubDate><description>Notes \(number).</description></item>"
        }
        let feed = root.appendingPathComponent("big.xml")
        try ("<rss version=\"2.0\"><channel><title>Big</title>" + items.joined(separator: "\n") + "</channel></rss>")
            .write(to: feed, atomically: true, encoding: .utf8)
        let library = try Library(environment: ["HOME": root.path, "XDG_DATA_HOME": root.path + "/data", "XDG_CACHE_HOME": root.path + "/cache",
                                                "XDG_STATE_HOME": root.path + "/state"])
        let podcast = try library.subscribe(feedURL: feed.path, title: nil).podcast
        let report = Refresher(library: library).refreshOne(podcast)
        #expect(report.failure == nil && report.newEpisodes == 10_000)
        let again = Refresher(library: library).refreshOne(try library.podcasts()[0])
        #expect(again.newEpisodes == 0 && again.episodes == 10_000)
        #expect(try library.episodes(of: podcast).count == 10_000)
    }
}
