import Foundation
import EpisodeKit
import ReaderUI
import TOMLKit

/// Reads `$XDG_CONFIG_HOME/podread/config.toml` (default
/// `~/.config/podread/config.toml`). podread only ever reads this file.
///
/// ```toml
/// layout = "auto"            # auto, single or split
/// measure = 100              # the widest a line of text runs (0: the pane's width)
///
/// [keys]                     # an action and its keys: one, or a list
/// lineDown = ["j", "Down"]
/// quit = "q"
///
/// [colors]
/// enabled = true
/// accent = "cyan"            # red, green, yellow, blue, magenta, cyan, white
/// ```
///
/// A setting that is wrong is reported (naming the key, and the line where
/// the parser gives one) and its default is used; the rest still applies.
public enum ConfigFile {
    public struct Result: Sendable {
        public var settings: ReaderSettings
        /// One line per problem, for the status line and standard error.
        public var problems: [String]
    }

    public static func location(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("podread/config.toml")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/podread/config.toml")
    }

    /// The settings from the file at `url`; defaults when there is no file.
    public static func load(_ url: URL = location()) -> Result {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return Result(settings: ReaderSettings(), problems: [])
        }
        return parse(String(decoding: data, as: UTF8.self), name: url.path)
    }

    /// The settings in a TOML text.
    public static func parse(_ text: String, name: String = "config.toml") -> Result {
        var settings = ReaderSettings()
        var problems: [String] = []
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return Result(settings: settings, problems: ["\(name):\(error.source.begin.line): \(error.description); using the defaults"])
        } catch {
            return Result(settings: settings, problems: ["\(name): cannot read it (\(error)); using the defaults"])
        }
        func problem(_ key: String, _ message: String) {
            problems.append("\(name): \(key): \(message); using the default")
        }

        for key in table.keys where !["layout", "measure", "keys", "colors", "quotes"].contains(key) {
            problem(key, "unknown setting (settings are layout, measure, [keys], [colors] and [quotes])")
        }
        if let value = table["measure"] {
            if let columns = value.int, columns == 0 || (20...1000).contains(columns) {
                settings.measure = columns
            } else {
                problem("measure", "expected a number of columns from 20 to 1000, or 0 for the pane's width")
            }
        }
        if let value = table["quotes"] {
            if let quotes = value.table {
                for key in quotes.keys where key != "format" { problem("quotes.\(key)", "unknown setting (known: format)") }
                if let format = quotes["format"] {
                    if let name = format.string, let chosen = QuoteFormat(rawValue: name) {
                        settings.quoteFormat = chosen
                    } else {
                        problem("quotes.format", "expected one of \(QuoteFormat.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
                    }
                }
            } else {
                problem("quotes", "expected a table")
            }
        }
        if let value = table["layout"] {
            if let name = value.string, let layout = LayoutPreference(rawValue: name) {
                settings.layout = layout
            } else {
                problem("layout", "expected one of \(LayoutPreference.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            }
        }
        if let value = table["keys"] {
            if let keys = value.table {
                settings.keymap = KeyBindings.apply(keys, to: settings.keymap) { problem("keys.\($0)", $1) }
            } else {
                problem("keys", "expected a table of actions and keys")
            }
        }
        if let value = table["colors"] {
            if let colors = value.table {
                settings.appearance = ColorSettings.apply(colors, to: settings.appearance) { problem("colors.\($0)", $1) }
            } else {
                problem("colors", "expected a table")
            }
        }
        return Result(settings: settings, problems: problems)
    }
}
