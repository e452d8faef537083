import Foundation

/// The XDG base folders podread keeps its files in, with their usual defaults.
public enum XDGDirectory: Sendable {
    case data, state, cache

    /// `$XDG_DATA_HOME` (default `~/.local/share`), `$XDG_STATE_HOME`
    /// (default `~/.local/state`) or `$XDG_CACHE_HOME` (default `~/.cache`),
    /// with `podread` below it. A relative value is ignored, as the
    /// specification asks.
    public func podreadFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let (variable, fallback) = switch self {
        case .data: ("XDG_DATA_HOME", ".local/share")
        case .state: ("XDG_STATE_HOME", ".local/state")
        case .cache: ("XDG_CACHE_HOME", ".cache")
        }
        let base: URL
        if let value = environment[variable], value.hasPrefix("/") {
            base = URL(fileURLWithPath: value)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(fallback)
        }
        return base.appendingPathComponent("podread")
    }
}
