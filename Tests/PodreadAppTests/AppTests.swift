import Testing
@testable import EpisodeKit
@testable import PodreadApp
import ReaderConfig
import ReaderUI

/// The app driven through a terminal in memory: key strings in, drawn
/// grids and state out, with the host's outcomes coming back as events.
@Suite("The app through a terminal in memory")
struct AppTests {
    func run(_ keys: String, app: AppState = AppFixture.app(), services: RecordingServices = RecordingServices(),
             start: StartRequest = StartRequest(), width: Int = 80, height: Int = 24,
             indexing: IndexWork? = nil) -> (AppState, ScriptedTerminal, RecordingServices) {
        let terminal = ScriptedTerminal(width: width, height: height, keys: keys)
        let runner = AppRunner(state: app, terminal: terminal, services: services.services, indexing: indexing)
        let final = runner.run(start: start)
        return (final, terminal, services)
    }

    @Test("/cyber<Enter>n: the drawn screen and the state agree")
    func search() {
        let (app, terminal, _) = run("/cyber<Enter>n")
        #expect(app.reader?.position.formatted == "00:08:20")
        #expect(terminal.lines.last!.hasPrefix(" cyber  2/20"))
        #expect(terminal.lines.contains { $0.contains("▌00:08:20") })
        #expect(terminal.drawn.count == 1 + Key.sequence("/cyber<Enter>n").count)
    }

    @Test("q quits: the loop ends on the quit, with keys still to come")
    func quit() {
        let terminal = ScriptedTerminal(keys: "jjqjjj")
        let services = RecordingServices()
        let final = AppRunner(state: AppFixture.app(), terminal: terminal, services: services.services).run()
        #expect(final.reader?.currentSegment == 2)
        #expect(terminal.drawn.count == 3)  // before each of j, j and q; nothing after the quit
    }

    @Test("y: the quote goes to the host, the clipboard through the terminal, and the outcome to the status line")
    func copy() {
        let (app, terminal, services) = run("t12:31<Enter>y")
        #expect(services.quotes.count == 1)
        #expect(services.quotes[0].0.timestamp == "00:12:31")
        #expect(terminal.copied.count == 1 && terminal.copied[0].contains("00:12:31"))
        #expect(terminal.lines.last!.contains("copied to the clipboard and the journal"))
        #expect(app.reader?.message?.isWarning == false)
        let failing = RecordingServices()
        failing.journalFails = true
        let (after, _, _) = run("y", services: failing)
        #expect(after.reader?.message?.isWarning == true)
        #expect(after.reader?.messageLog.contains { $0.text.contains("the journal was not written") } == true)
    }

    @Test("o: the link goes to the host; without an opener it is copied and the status line says so")
    func openLink() {
        var episode = AppFixture.sample
        episode.title = "With a link"
        episode.reading[0].url = "https://example.org/paper"
        let services = RecordingServices()
        services.hasOpener = false
        let (_, terminal, _) = run("<Tab><Tab>o", app: AppFixture.app(episode: episode), services: services)
        #expect(services.links == ["https://example.org/paper"])
        #expect(terminal.copied == ["https://example.org/paper"])
        #expect(terminal.lines.last!.contains("no opener here; link copied: https://example.org/paper"))
    }

    @Test("a search typed before the background index is ready runs when it arrives")
    func backgroundIndex() {
        let late = LateIndex()
        let reader = ReaderState(episode: AppFixture.sample, width: 80, height: 24, indexLater: true)
        let terminal = ScriptedTerminal(keys: "/cyber<Enter>")
        let services = RecordingServices()
        let runner = AppRunner(state: AppState(.reader(reader, libraryEpisode: nil)), terminal: terminal, services: services.services, indexing: late)
        var final = runner.run()
        #expect(terminal.lines.last!.contains("indexing…"))
        late.ready = AppFixture.sampleIndex
        terminal.type("n")
        final = runner.run()
        #expect(final.reader?.position.formatted == "00:08:20")
    }

    @Test("the player's readings and problems come in as events; Space asks the player")
    func player() {
        let services = RecordingServices()
        services.player.next = PlaybackReading(position: TimeCode(milliseconds: 751_000), playing: true, speed: 1)
        let (app, terminal, _) = run(" ", services: services)
        #expect(services.player.commands.contains(.pause))
        #expect(app.reader?.position.formatted == "00:12:31")
        #expect(terminal.lines[0].contains("▶ 00:12:31"))
        services.player.next = PlaybackReading(position: .zero, playing: false, speed: 1, problem: "mpv stopped; the reader carries on without audio")
        let (_, stopped, _) = run("", services: services)
        #expect(stopped.lines.last!.contains("mpv stopped"))
    }

    @Test("Ctrl-Z suspends (pausing the audio first), Ctrl-L repaints, a resize lays out again")
    func suspendRedrawResize() {
        let services = RecordingServices()
        services.player.next = PlaybackReading(position: .zero, playing: true, speed: 1)
        let terminal = ScriptedTerminal(keys: "<C-z><C-l>", events: [.resize(width: 40, height: 12)])
        let final = AppRunner(state: AppFixture.app(), terminal: terminal, services: services.services).run()
        #expect(terminal.suspended == 1)
        #expect(services.player.commands.first == .pause)
        #expect(terminal.redraws == 1)
        #expect(final.width == 40)
        #expect(terminal.lines.count == 12)
        #expect(terminal.lines[1].contains("Transcript ▸ Shownotes ▸ Reading"))
    }

    @Test("the start request: a time, a search, and every notice in the messages")
    func start() {
        let (app, terminal, _) = run("", start: StartRequest(time: TimeCode(milliseconds: 96_000), resumed: true, search: nil,
                                                           notices: ["config.toml: a: wrong", "config.toml: b: wrong"]))
        #expect(terminal.lines.suffix(2).joined().contains("resumed at 00:01:3"))
        #expect(app.reader?.messageLog.count == 3)
    }

    @Test("a screen opened over another and left with q brings the one below back exactly")
    func stack() {
        var app = AppFixture.app()
        update(&app, keys: "<Tab>/ballbach<Enter>")
        let below = app.reader!
        var other = AppFixture.sample
        other.title = "Another episode"
        _ = update(&app, .open(.reader(ReaderState(episode: other, width: 120, height: 40), libraryEpisode: nil)))
        #expect(app.screens.count == 2)
        #expect(app.reader?.width == 80)   // opened at the terminal's size
        #expect(render(app).lines[0].contains("Another episode"))
        #expect(update(&app, keys: "jjq").isEmpty)
        #expect(app.screens.count == 1)
        let back = app.reader!
        #expect(back.focus == below.focus && back.focus == .shownotes)
        #expect(back.panes[.shownotes] == below.panes[.shownotes])
        #expect(back.search?.query == "ballbach")
        #expect(render(app) == ReaderUI.render(below))
        #expect(update(&app, keys: "q") == [AppEffect.quit])
    }

    @Test("boxes and prompts take their keys from config.toml")
    func remappedBoxes() {
        let config = ConfigFile.parse("""
            [keys]
            list_down = "n"
            list_up = "p"
            close = "x"
            choose = "o"
            submit = "C-j"
            abandon = "C-x"
            """)
        #expect(config.problems.isEmpty)
        let app = AppFixture.app(settings: config.settings)
        // In the results list: n moves down, o chooses; j does nothing there.
        let (second, _, _) = run("/sanct<C-j>&no", app: app)
        #expect(second.reader?.position.formatted == "00:06:14")
        let (first, _, _) = run("/sanct<C-j>&jo", app: app)
        #expect(first.reader?.position.formatted == "00:06:04")
        // In help, x closes and Esc does not.
        let (helped, _, _) = run("?<Esc>", app: app)
        #expect(helped.reader?.mode == .help(scroll: 0))
        let (closed, _, _) = run("?x", app: app)
        #expect(closed.reader?.mode == .normal)
        // At a prompt, C-x abandons and Esc is no longer special (not text either).
        let (abandoned, _, _) = run("jj/sanct<C-x>", app: app)
        #expect(abandoned.reader?.mode == .normal && abandoned.reader?.search == nil)
        #expect(abandoned.reader?.position.formatted == "00:00:04")
        // Help lists the remapped keys.
        let (help, terminal, _) = run("?<PgDn><PgDn>", app: app, height: 60)
        _ = help
        #expect(terminal.lines.joined(separator: "\n").contains("C-j"))
    }

    @Test("the terminal is given back only by its owner: the runner never ends it")
    func terminalLeftToOwner() {
        let (_, terminal, _) = run("q")
        #expect(!terminal.ended)
    }
}
