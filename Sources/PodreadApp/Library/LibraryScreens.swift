import EpisodeKit
import ReaderUI

/// What the app asks its host for, beyond what a reader asks.
public enum AppEffect: Equatable, Sendable {
    case reader(Effect)
    /// Load a podcast's episodes and show them.
    case openPodcast(Int64)
    /// Open an episode in the reader: at a time (a search hit) or where it was left, with a search active.
    case openEpisode(Int64, at: TimeCode?, search: String?)
    case searchLibrary(String)
    /// Refresh these podcasts (none: all) in the background.
    case refresh([Int64])
    case addFeed(String)
    case removePodcast(Int64)
    case setFinished(Int64, Bool)
    /// Remember where a library episode was left.
    case remember(Int64, TimeCode, finished: Bool)
    case quit
}

/// Something typed at the bottom of a library screen.
public enum LibraryPrompt: Sendable, Equatable {
    case addFeed(String)
    case confirmRemove(Int64, title: String)
}

/// The podcasts followed: `Enter` opens one's episodes.
public struct LibraryScreen: Sendable {
    public var podcasts: [PodcastSummary]
    public var list = ListPosition()
    public var prompt: LibraryPrompt?
    public var message: String?
    public var warning = false
    /// The refresh running in the background, as a line.
    public var refreshing: String?
    public var showingHelp = false

    public init(podcasts: [PodcastSummary]) { self.podcasts = podcasts }
}

/// A podcast's episodes, newest first: `Enter` opens the reader where it was left.
public struct EpisodesScreen: Sendable {
    public var podcast: PodcastSummary
    public var episodes: [EpisodeSummary]
    public var list = ListPosition()
    public var message: String?
    public var warning = false
    public var showingHelp = false

    public init(podcast: PodcastSummary, episodes: [EpisodeSummary]) {
        self.podcast = podcast
        self.episodes = episodes
    }
}

/// A search over the whole library: episodes with hits, best first; `Enter`
/// on a hit opens the reader there with the search active.
public struct ResultsScreen: Sendable {
    public var query = ""
    /// Still typing the query (results come as it is typed).
    public var typing = true
    public var groups: [ResultGroup] = []
    public var total = 0
    /// How far making the index is, while a search waits for it.
    public var indexing: String?
    /// Which hit is chosen (counting hits, not headings).
    public var selected = 0
    /// The first row on screen (headings and hits).
    public var top = 0
    public var message: String?

    public init() {}

    /// Each hit's group and place, in order.
    var hits: [(group: Int, hit: Int)] {
        groups.enumerated().flatMap { number, group in group.hits.indices.map { (number, $0) } }
    }

    /// The row a hit is drawn on (a group's heading comes before its hits).
    func row(ofHit number: Int) -> Int {
        var row = 0
        var seen = 0
        for group in groups {
            row += 1
            if number < seen + group.hits.count { return row + (number - seen) }
            row += group.hits.count
            seen += group.hits.count
        }
        return row
    }

    var rowCount: Int { groups.reduce(0) { $0 + 1 + $1.hits.count } }

    mutating func reveal(visible: Int) {
        let row = row(ofHit: selected)
        // The heading of the chosen hit's group stays in sight when it can.
        if row - 1 < top { top = max(0, row - 1) }
        if row >= top + visible { top = row - visible + 1 }
    }
}

/// How many rows the lists of the library's screens have.
func listRows(height: Int) -> Int { max(1, height - 3) }

extension LibraryScreen {
    mutating func update(_ key: Key, keymap: Keymap, height: Int) -> [AppEffect] {
        message = nil
        if showingHelp {
            showingHelp = false
            return []
        }
        if let prompt { return answer(prompt, key: key, keymap: keymap) }
        let listAction = keymap.action(for: key, in: .list)
        if list.move(listAction, count: podcasts.count, visible: listRows(height: height)) { return [] }
        let chosen = podcasts.indices.contains(list.selected) ? podcasts[list.selected] : nil
        switch listAction {
        case .choose?:
            guard let chosen else { return [] }
            return [.openPodcast(chosen.id)]
        case .close?:
            return [.quit]
        default: break
        }
        switch keymap.action(for: key, in: .library) {
        case .refresh?:
            return [.refresh([])]
        case .addFeed?:
            prompt = .addFeed("")
            return []
        case .removePodcast?:
            guard let chosen else { return [] }
            prompt = .confirmRemove(chosen.id, title: chosen.title)
            return []
        default: break
        }
        return commonKey(key, keymap: keymap, help: &showingHelp)
    }

    private mutating func answer(_ prompt: LibraryPrompt, key: Key, keymap: Keymap) -> [AppEffect] {
        switch prompt {
        case .confirmRemove(let id, _):
            self.prompt = nil
            if key == .character("y") || key == .character("Y") { return [.removePodcast(id)] }
            message = "kept"
            return []
        case .addFeed(var text):
            switch keymap.action(for: key, in: .prompt) {
            case .submit?:
                self.prompt = nil
                let address = text.trimmingCharacters(in: " ")
                return address.isEmpty ? [] : [.addFeed(address)]
            case .abandon?:
                self.prompt = nil
                return []
            case .deleteBack?:
                if !text.isEmpty { text.removeLast() }
            case .clearLine?:
                text = ""
            default:
                guard case .character(let character) = key else { return [] }
                text.append(character)
            }
            self.prompt = .addFeed(text)
            return []
        }
    }
}

extension EpisodesScreen {
    mutating func update(_ key: Key, keymap: Keymap, height: Int) -> [AppEffect] {
        message = nil
        if showingHelp {
            showingHelp = false
            return []
        }
        let listAction = keymap.action(for: key, in: .list)
        if list.move(listAction, count: episodes.count, visible: listRows(height: height)) { return [] }
        let chosen = episodes.indices.contains(list.selected) ? episodes[list.selected] : nil
        switch listAction {
        case .choose?:
            guard let chosen else { return [] }
            return [.openEpisode(chosen.id, at: nil, search: nil)]
        case .close?:
            return [.quit]
        default: break
        }
        switch keymap.action(for: key, in: .library) {
        case .refresh?:
            return [.refresh([podcast.id])]
        case .toggleFinished?:
            guard let chosen else { return [] }
            return [.setFinished(chosen.id, chosen.progress != .finished)]
        default: break
        }
        return commonKey(key, keymap: keymap, help: &showingHelp)
    }
}

extension ResultsScreen {
    mutating func update(_ key: Key, keymap: Keymap, height: Int) -> [AppEffect] {
        message = nil
        if typing {
            switch keymap.action(for: key, in: .prompt) {
            case .submit?:
                typing = false
                if total == 0 { message = "not found: \(query)" }
                return []
            case .abandon?:
                return [.quit]
            case .deleteBack?:
                if query.isEmpty { return [.quit] }
                query.removeLast()
            case .clearLine?:
                query = ""
            default:
                guard case .character(let character) = key else { return [] }
                query.append(character)
            }
            return [.searchLibrary(query)]
        }
        let count = hits.count
        let visible = listRows(height: height)
        var position = ListPosition()
        position.selected = selected
        position.top = 0
        switch keymap.action(for: key, in: .list) {
        case .choose?:
            let all = hits
            guard all.indices.contains(selected) else { return [] }
            let (group, hit) = all[selected]
            return [.openEpisode(groups[group].episodeID, at: groups[group].hits[hit].start, search: query)]
        case .close?:
            return [.quit]
        case let action?:
            if position.move(action, count: count, visible: visible) {
                selected = position.selected
                reveal(visible: visible)
            }
            return []
        case nil:
            if keymap.action(for: key) == .search {
                typing = true
                return []
            }
            return []
        }
    }
}

/// Keys every list screen shares: search the library, help, redraw, suspend.
private func commonKey(_ key: Key, keymap: Keymap, help: inout Bool) -> [AppEffect] {
    switch keymap.action(for: key) {
    case .search?: return [.searchLibrary("")]
    case .help?:
        help = true
        return []
    case .redraw?: return [.reader(.redraw)]
    case .suspend?: return [.reader(.suspend)]
    case .quit?: return [.quit]
    default: return []
    }
}

private extension String {
    func trimmingCharacters(in character: Character) -> String {
        var copy = Substring(self)
        while copy.first == character { copy.removeFirst() }
        while copy.last == character { copy.removeLast() }
        return String(copy)
    }
}
