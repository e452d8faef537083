import Foundation
import Testing
@testable import ReaderConfig
import ReaderUI

@Suite("config.toml")
struct ConfigFileTests {
    @Test("keys, colours and layout apply")
    func valid() {
        let result = ConfigFile.parse("""
            layout = "single"
            measure = 72
            [keys]
            line_down = ["j", "Down", "C-n"]
            quit = "x"
            [colors]
            accent = "magenta"
            enabled = true
            """)
        #expect(result.problems.isEmpty)
        #expect(result.settings.layout == .single)
        #expect(result.settings.measure == 72)
        #expect(ConfigFile.parse("measure = 5").problems.first?.contains("measure: expected a number of columns") == true)
        #expect(ConfigFile.parse("measure = 5").settings.measure == 100)
        #expect(result.settings.keymap.action(for: .control("n")) == .lineDown)
        #expect(result.settings.keymap.action(for: .character("x")) == .quit)
        #expect(result.settings.keymap.action(for: .character("q")) == nil)  // replaced, not added
        #expect(result.settings.keymap.action(for: .control("c")) == nil)
        #expect(result.settings.keymap.action(for: .character("k")) == .lineUp)  // untouched
        #expect(result.settings.appearance.accent == .magenta)
    }

    @Test("each bad setting is named and its default kept; good ones still apply")
    func badSettings() {
        let result = ConfigFile.parse("""
            layout = "diagonal"
            colour = 3
            [keys]
            fly = "f"
            quit = "Ctrl+Q"
            top = ["g", 7]
            bottom = "E"
            [colors]
            accent = "mauve"
            enabled = "yes"
            """, name: "config.toml")
        #expect(result.settings.layout == .auto)
        #expect(result.settings.keymap.action(for: .character("q")) == .quit)
        #expect(result.settings.keymap.action(for: .character("E")) == .bottom)
        #expect(result.settings.appearance.accent == .cyan)
        let messages = result.problems.joined(separator: "\n")
        for key in ["config.toml: layout:", "config.toml: colour:", "config.toml: keys.fly:", "config.toml: keys.quit:",
                    "config.toml: keys.top:", "config.toml: colors.accent:", "config.toml: colors.enabled:"] {
            #expect(messages.contains(key), "\(key)")
        }
        #expect(result.problems.count == 7)
        #expect(result.problems.allSatisfy { $0.hasSuffix("using the default") })
    }

    @Test("a file that is not TOML names its line and falls back to every default")
    func broken() {
        let result = ConfigFile.parse("layout = \"auto\"\n[keys\nquit = \"q\"\n", name: "c.toml")
        #expect(result.problems.count == 1)
        #expect(result.problems[0].hasPrefix("c.toml:2: "))
        #expect(result.settings == ReaderSettings())
    }

    @Test("no file means defaults and no problems; the file is never written")
    func files() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("podread-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = ConfigFile.load(directory.appendingPathComponent("config.toml"))
        #expect(missing.problems.isEmpty && missing.settings == ReaderSettings())
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("config.toml")
        try Data("[keys]\nquit = \"Q\"\n".utf8).write(to: file)
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(ConfigFile.load(file).settings.keymap.action(for: .character("Q")) == .quit)
        let after = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(before == after)
        #expect(ConfigFile.location(environment: ["XDG_CONFIG_HOME": "/x"]).path == "/x/podread/config.toml")
        #expect(ConfigFile.location(environment: ["HOME": "/home/a"]).path == "/home/a/.config/podread/config.toml")
    }

    @Test("the layout preference decides the arrangement")
    func layouts() {
        #expect(ScreenLayout(width: 100, height: 30, focus: .transcript, preference: .single).kind == .narrow)
        #expect(ScreenLayout(width: 50, height: 30, focus: .transcript, preference: .split).kind == .wide)
        #expect(ScreenLayout(width: 50, height: 30, focus: .transcript, preference: .auto).kind == .narrow)
    }
}
