import Foundation

/// The XDG base folders podread keeps its files in, with their usual defaults.
enum XDGDirectory {
    case data, state

    /// `$XDG_DATA_HOME` (default `~/.local/share`) or `$XDG_STATE_HOME`
    /// (default `~/.local/state`), with `podread` below it. A relative value
    /// is ignored, as the specification asks.
    func podreadFolder(environment: [String: String]) -> URL {
        let (variable, fallback) = self == .data ? ("XDG_DATA_HOME", ".local/share") : ("XDG_STATE_HOME", ".local/state")
        let base: URL
        if let value = environment[variable], value.hasPrefix("/") {
            base = URL(fileURLWithPath: value)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(fallback)
        }
        return base.appendingPathComponent("podread")
    }
}
