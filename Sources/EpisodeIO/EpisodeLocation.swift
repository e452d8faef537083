import Foundation

/// Where an episode, feed or transcript lives: a local file or a web address.
public enum EpisodeLocation: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case web(URL)

    /// An argument as the user typed it: `http(s)://…` is a web address, anything else a path.
    public init(argument: String) {
        let lowered = argument.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), let url = URL(string: argument) {
            self = .web(url)
        } else {
            self = .file(argument)
        }
    }

    public var description: String {
        switch self {
        case .file(let path): return path
        case .web(let url): return url.absoluteString
        }
    }

    /// A name to title an episode that carries none: the file name without extension.
    var titleFromName: String {
        let name: String
        switch self {
        case .file(let path): name = path.split(separator: "/").last.map(String.init) ?? path
        case .web(let url): name = url.lastPathComponent.isEmpty ? (url.host ?? url.absoluteString) : url.lastPathComponent
        }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// A link found inside this document (a feed's transcript URL), resolved.
    ///
    /// Web documents may only point to web addresses: a feed from the
    /// internet can never make podread read a local file. A local feed's
    /// relative links are files beside it.
    public func resolve(_ link: String) -> EpisodeLocation? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return URL(string: trimmed).map(EpisodeLocation.web)
        }
        if trimmed.contains("://") || lowered.hasPrefix("file:") || lowered.hasPrefix("data:") { return nil }
        switch self {
        case .web(let base):
            guard let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
                  ["http", "https"].contains(url.scheme?.lowercased() ?? "") else { return nil }
            return .web(url)
        case .file(let path):
            if trimmed.hasPrefix("/") { return .file(trimmed) }
            let directory = (path as NSString).deletingLastPathComponent
            return .file(directory.isEmpty ? trimmed : directory + "/" + trimmed)
        }
    }
}
