import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// The library commands, on a library generated and served on 127.0.0.1.
@Suite("Library commands", .serialized)
struct LibraryCommandTests {
    let generated: GeneratedLibrary

    init() throws {
        generated = try GeneratedLibrary()
    }

    func run(_ arguments: [String]) throws -> PodreadRunner.Result {
        try PodreadRunner.run(arguments, environment: generated.environment)
    }

    func libraryJSON() throws -> [[String: Any]] {
        let result = try run(["library", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return object?["podcasts"] as? [[String: Any]] ?? []
    }

    @Test("an empty library: exit 0, an empty list and a line on how to add podcasts; commands use the sample")
    func empty() throws {
        let listed = try run(["library", "--json"])
        #expect(listed.status == 0 && listed.output.contains("\"podcasts\" : [") || listed.output.contains("\"podcasts\": []"))
        #expect(listed.error.contains("podread add FEED"))
        let info = try run(["info"])
        #expect(info.output.contains("Overlooked and underestimated"))
        #expect(!FileManager.default.fileExists(atPath: generated.environment["XDG_DATA_HOME"]! + "/podread/library.sqlite"))
    }

    @Test("add: fetched at once, reported; again: said and nothing changed; an HTML page: exit 2, nothing added")
    func add() throws {
        let added = try run(["add", generated.feedURL(0)])
        #expect(added.status == 0)
        #expect(added.output.hasPrefix("added ") && added.output.contains("10 episodes"))
        let again = try run(["add", generated.feedURL(0)])
        #expect(again.status == 0 && again.output.contains("already in the library") && again.output.contains("nothing changed"))
        generated.server.route("/page.html", .ok("<html><head><title>Shop</title></head><body>Buy things</body></html>", type: "text/html"))
        let page = try run(["add", generated.server.base + "/page.html"])
        #expect(page.status == 2 && page.error.contains("not a podcast feed"))
        #expect(try libraryJSON().count == 1)
        // A local feed file works too.
        let local = try run(["add", generated.site.appendingPathComponent("feeds/show-02.xml").path])
        #expect(local.status == 0)
        #expect(try libraryJSON().count == 2)
    }

    @Test("import: every feed followed and refreshed; library lists counts; export-opml gives them back")
    func importExport() throws {
        let imported = try run(["import", generated.opml.path])
        #expect(imported.status == 0)
        #expect(imported.output.contains("following 3 new podcasts"))
        let podcasts = try libraryJSON()
        #expect(podcasts.map { $0["number"] as? Int } == [1, 2, 3])
        #expect(podcasts.allSatisfy { ($0["episodes"] as? Int) == 10 && ($0["transcripts"] as? Int) == 10 && $0["refreshed"] is String })
        let exported = try run(["export-opml"])
        for number in 0..<3 { #expect(exported.output.contains("xmlUrl=\"\(generated.feedURL(number))\"")) }
        // Importing the same file again adds nothing.
        #expect(try run(["import", generated.opml.path]).output.contains("following 0 new podcasts"))
    }

    @Test("an OPML that lists feed files by relative path imports them from beside it")
    func relativeOPML() throws {
        let opml = generated.site.appendingPathComponent("local.opml")
        try "<opml version=\"2.0\"><body><outline type=\"rss\" text=\"Local\" xmlUrl=\"feeds/show-01.xml\"/></body></opml>"
            .write(to: opml, atomically: true, encoding: .utf8)
        let imported = try run(["import", opml.path])
        #expect(imported.status == 0, "\(imported.output)\(imported.error)")
        let podcasts = try libraryJSON()
        #expect(podcasts.first?["feed"] as? String == generated.site.appendingPathComponent("feeds/show-01.xml").path)
        #expect(podcasts.first?["transcripts"] as? Int == 10)
    }

    @Test("not OPML, or an unknown podcast: one clear line, exit 2, nothing changed")
    func badInput() throws {
        let html = generated.root.appendingPathComponent("not.opml")
        try "<html>\n<body>hello</body></html>".write(to: html, atomically: true, encoding: .utf8)
        let notOPML = try run(["import", html.path])
        #expect(notOPML.status == 2 && notOPML.error.contains("\(html.path):1: not an OPML file"))
        _ = try run(["add", generated.feedURL(0)])
        let unknown = try run(["info", "no such show"])
        #expect(unknown.status == 2 && unknown.error.contains("no podcast in the library matches \"no such show\""))
        #expect(try libraryJSON().count == 1)
    }

    @Test("library episodes as EPISODE: a number or part of a title, --episode N; --sample still opens the sample")
    func episodes() throws {
        _ = try run(["import", generated.opml.path])
        let newest = generated.manifest.first { ($0["feed"] as? String) == "feeds/show-01.xml" && ($0["newest_first"] as? Int) == 2 }
        let info = try run(["info", "2", "--episode", "2", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(info.output.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == newest?["title"] as? String)
        #expect(object?["segments"] as? Int == newest?["segments"] as? Int)
        #expect(try run(["info", "--sample"]).output.contains("Overlooked and underestimated"))
        #expect(try run(["info", "sample"]).output.contains("Overlooked and underestimated"))
        // No network needed: with the server gone, the episode still opens from the cache.
        generated.server.stop()
        #expect(try run(["transcript", "2", "--episode", "2"]).status == 0)
        // And a search with no episode searches the whole library.
        let search = try run(["search", "Ballbach", "--json"])
        #expect(search.status == 0 && search.output.contains("\"total\""))
    }

    @Test("refresh: exit 1 when a feed fails, with its reason; the others go on")
    func refreshFailure() throws {
        _ = try run(["import", generated.opml.path])
        generated.server.route("/feeds/show-01.xml", .status(404))
        let refreshed = try run(["refresh"])
        #expect(refreshed.status == 1)
        #expect(refreshed.output.contains("failed: ") && refreshed.output.contains("HTTP 404"))
        #expect(refreshed.output.components(separatedBy: ": unchanged").count == 3)
        // The podcast named by part of its title.
        generated.server.route("/feeds/show-01.xml", nil)
        let one = try run(["refresh", "2"])
        #expect(one.status == 0 && one.output.split(separator: "\n").count == 1)
    }

    @Test("podread killed with SIGKILL mid-refresh: the library stays whole, and the next refresh completes it")
    func killedRefresh() throws {
        _ = try run(["import", generated.opml.path])
        // Make every file new again, then refresh slowly and kill it halfway.
        _ = try run(["remove", "1"])
        _ = try run(["remove", "1"])
        _ = try run(["remove", "1"])
        for number in 0..<3 { _ = try run(["add", generated.feedURL(number)]) }
        let cache = URL(fileURLWithPath: generated.environment["XDG_CACHE_HOME"]!).appendingPathComponent("podread")
        try? FileManager.default.removeItem(at: cache)
        let data = generated.environment["XDG_DATA_HOME"]!
        generated.server.fileDelay = 0.05
        let start = generated.server.requests.count
        let pid = try Spawn.start([PodreadRunner.executable.path, "refresh"],
                                  environment: generated.environment.map { "\($0.key)=\($0.value)" } + ["PATH=/usr/bin:/bin"])
        let deadline = Date().addingTimeInterval(20)
        while generated.server.requests.count < start + 10 && Date() < deadline { usleep(10_000) }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        generated.server.fileDelay = 0
        // What was committed is whole: the database opens and lists its podcasts.
        #expect(try libraryJSON().count == 3)
        let again = try run(["refresh"])
        #expect(again.status == 0, "\(again.output)\(again.error)")
        let podcasts = try libraryJSON()
        #expect(podcasts.allSatisfy { ($0["episodes"] as? Int) == 10 && ($0["transcripts"] as? Int) == 10 })
        #expect(FileManager.default.fileExists(atPath: data + "/podread/library.sqlite"))
    }

    @Test("podread killed with SIGKILL while making the search index: the next search answers in full, and nothing is left half-written")
    func killedIndexing() throws {
        _ = try run(["import", generated.opml.path])
        let index = URL(fileURLWithPath: generated.environment["XDG_DATA_HOME"]!).appendingPathComponent("podread/index")
        let reference = try run(["search", "--json", "hedge"])
        #expect(reference.status == 0)
        let environment = generated.environment.map { "\($0.key)=\($0.value)" } + ["PATH=/usr/bin:/bin"]
        // Killed at moments spread over the work: before, during and after the save.
        for delay in stride(from: 0, through: 300_000, by: 25_000) {
            try? FileManager.default.removeItem(at: index)
            let pid = try Spawn.start([PodreadRunner.executable.path, "search", "hedge"], environment: environment)
            usleep(useconds_t(delay))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let again = try run(["search", "--json", "hedge"])
            #expect(again.status == 0 && again.output == reference.output, "killed after \(delay / 1000) ms: \(again.error)")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: index.path)) ?? []
            #expect(!left.contains { $0.contains(".partial-") }, "killed after \(delay / 1000) ms: \(left)")
        }
    }

    @Test("the search index follows the library: a removed podcast's hits are gone, a missing index is made again with a line saying so")
    func indexFollowsLibrary() throws {
        _ = try run(["import", generated.opml.path])
        let before = try run(["search", "--json", "hedge"])
        let podcasts = try libraryJSON()
        let removedTitle = try #require(podcasts.first?["title"] as? String)
        #expect(before.output.contains(removedTitle))
        #expect(try run(["remove", "1"]).status == 0)
        let after = try run(["search", "--json", "hedge"])
        #expect(!after.output.contains("\"podcast\" : \"\(removedTitle)\""))
        let index = URL(fileURLWithPath: generated.environment["XDG_DATA_HOME"]!).appendingPathComponent("podread/index")
        try FileManager.default.removeItem(at: index)
        let rebuilt = try run(["search", "hedge"])
        #expect(rebuilt.status == 0 && rebuilt.error.contains("made the search index: 20 episodes"))
        #expect(try run(["search", "hedge"]).error.isEmpty)
        // An index an older podread made (another format version) is made again, and said so.
        for name in try FileManager.default.contentsOfDirectory(atPath: index.path) where name.hasPrefix("segment-") {
            let file = index.appendingPathComponent(name)
            var bytes = try Data(contentsOf: file)
            bytes[8] = 2
            try bytes.write(to: file)
        }
        let remade = try run(["search", "--json", "hedge"])
        #expect(remade.status == 0 && remade.error.contains("the search index was made by another version of podread; indexed 20 episodes again"))
        #expect(remade.output == (try run(["search", "--json", "hedge"])).output)
    }

    @Test("a damaged database: named, kept, and library --reset moves it aside")
    func damaged() throws {
        let file = URL(fileURLWithPath: generated.environment["XDG_DATA_HOME"]!).appendingPathComponent("podread/library.sqlite")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: file)
        let listed = try run(["library"])
        #expect(listed.status == 2 && listed.error.contains("is damaged") && listed.error.contains("podread library --reset"))
        let reset = try run(["library", "--reset"])
        #expect(reset.status == 0 && reset.output.contains("moved the library aside"))
        #expect(try run(["library"]).status == 0)
    }
}

@Suite("The library in a terminal", .serialized)
struct LibraryEndToEndTests {
    @Test("add, refresh, the library on screen: episodes, the reader, back; a search of everything; the terminal restored")
    func session() throws {
        let generated = try GeneratedLibrary(podcasts: 2, episodes: 3)
        for number in 0..<2 { #expect(try PodreadRunner.run(["add", generated.feedURL(number)], environment: generated.environment).status == 0) }
        #expect(try PodreadRunner.run(["refresh"], environment: generated.environment).status == 0)
        let session = try TmuxSession(command: "sleep 60", width: 100, height: 30)
        let environment = generated.environment.map { "\($0.key)=\($0.value)" }
        try session.tmux(["respawn-pane", "-k", "-t", "main", "-c", session.directory.path, "env", "LANG=C.UTF-8"] + environment
                         + ["sh", "-c", "\(PodreadRunner.executable.path); stty -a > stty.txt; echo exited-$?; sleep 60"])
        let library = session.wait { $0.contains("Library") && $0.contains("2 podcasts") }
        #expect(library.contains("Hedge Weekly 0") || library.contains("Weekly 0"))
        try session.send("Enter")
        let episodes = session.wait { $0.contains("3 episodes") && $0.contains("T  new") }
        #expect(episodes.contains("T  new"))
        try session.send("Enter")
        let reader = session.wait { $0.contains("┌ Transcript") }
        #expect(reader.contains("▌00:00:0"))
        try session.type("jjq")
        let back = session.wait { $0.contains("3 episodes") && !$0.contains("┌ Transcript") }
        #expect(back.contains("00:0"))   // the place, in the episode's row
        try session.type("q")
        session.wait { $0.contains("2 podcasts") }
        try session.typeLine("/ballbach")
        // Results come as each letter is typed: wait for those of the whole word.
        let results = session.wait { $0.contains("Search the library") && $0.contains("hits in") && $0.contains("Ballbach") }
        #expect(results.contains("Ballbach"))
        try session.send("Enter")
        let atHit = session.wait { $0.contains("┌ Transcript") && $0.contains("ballbach") }
        #expect(atHit.contains("ballbach"))
        try session.type("q")
        session.wait { $0.contains("Search the library") }
        try session.type("q")
        session.wait { $0.contains("2 podcasts") }
        try session.type("q")
        #expect(session.wait { $0.contains("exited-0") }.contains("exited-0"))
        let stty = try String(contentsOf: session.directory.appendingPathComponent("stty.txt"), encoding: .utf8)
        #expect(stty.contains(" icanon") && !stty.contains("-icanon"))
    }

    @Test("podread search with no episode searches the library: podcast · episode · time, JSON grouped by episode, --podcast narrows")
    func search() throws {
        let generated = try GeneratedLibrary(podcasts: 2, episodes: 3)
        _ = try PodreadRunner.run(["import", generated.opml.path], environment: generated.environment)
        let text = try PodreadRunner.run(["search", "ballbach"], environment: generated.environment)
        #expect(text.status == 0)
        let first = try #require(text.output.split(separator: "\n").first)
        #expect(first.components(separatedBy: " · ").count >= 3)
        let json = try PodreadRunner.run(["search", "ballbach", "--json"], environment: generated.environment)
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let groups = try #require(object?["episodes"] as? [[String: Any]])
        #expect(!groups.isEmpty)
        #expect(groups.allSatisfy { $0["podcast"] is String && $0["number"] is Int && $0["title"] is String && $0["hits"] is [Any] })
        let narrowed = try PodreadRunner.run(["search", "ballbach", "--podcast", "2", "--json"], environment: generated.environment)
        let narrow = try JSONSerialization.jsonObject(with: Data(narrowed.output.utf8)) as? [String: Any]
        let podcasts = Set(((narrow?["episodes"] as? [[String: Any]]) ?? []).compactMap { $0["podcast"] as? String })
        #expect(podcasts.count <= 1)
    }
}
