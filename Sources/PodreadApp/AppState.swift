import EpisodeKit
import ReaderUI

/// One screen of the app: the library, a podcast's episodes, a
/// library-wide search, or the reader (on a library episode, it knows
/// which, so leaving it remembers where it was left).
public enum AppScreen: Sendable {
    case library(LibraryScreen)
    case episodes(EpisodesScreen)
    case results(ResultsScreen)
    case reader(ReaderState, libraryEpisode: Int64?)
}

/// What the host learned about the library.
public enum LibraryEvent: Sendable {
    /// The podcasts as they are now (after a refresh, an add, a remove).
    case podcasts([PodcastSummary])
    /// A podcast's episodes; `open` shows them on a screen of their own.
    case episodes(PodcastSummary, [EpisodeSummary], open: Bool)
    /// The answer to a library-wide search.
    case results(query: String, groups: [ResultGroup], total: Int)
    /// A line about a refresh running in the background (nil when it ended).
    case refreshing(String?)
    /// A message for the screen on top.
    case notice(String, warning: Bool)
}

/// What the app receives: input for the screen on top, a screen to open
/// over it, or what the host learned about the library.
public enum AppEvent: Sendable {
    case input(InputEvent)
    case open(AppScreen)
    case library(LibraryEvent)
}

/// The whole app: a stack of screens, the top one on the terminal. Opening
/// a screen pushes it; leaving it pops back to the one below exactly as it
/// was — position, focus, search — since the stack holds each state whole.
/// Only `update` changes it.
public struct AppState: Sendable {
    public private(set) var screens: [AppScreen]
    public private(set) var width: Int
    public private(set) var height: Int
    public let settings: ReaderSettings
    public let colors: Bool

    public init(_ first: AppScreen, width: Int? = nil, height: Int? = nil, settings: ReaderSettings = ReaderSettings(), colors: Bool = true) {
        screens = [first]
        if case .reader(let reader, _) = first {
            self.width = width ?? reader.width
            self.height = height ?? reader.height
        } else {
            self.width = width ?? 80
            self.height = height ?? 24
        }
        self.settings = settings
        self.colors = colors
    }

    public var top: AppScreen { screens[screens.count - 1] }

    /// The reader on top, when the top screen is a reader.
    public var reader: ReaderState? {
        if case .reader(let reader, _) = top { return reader }
        return nil
    }

    /// The first reader of the stack: the episode podread was opened on.
    public var firstReader: ReaderState? {
        for case .reader(let reader, _) in screens { return reader }
        return nil
    }

    public var isPlaying: Bool { reader?.isPlaying == true }

    fileprivate mutating func push(_ screen: AppScreen) {
        screens.append(screen)
        // A screen opens at the terminal's size, whatever size it was made for.
        _ = sendToTop(.resize(width: width, height: height))
    }

    /// Leaves the top screen: effects that remember a library episode's
    /// place; `[.quit]` when it was the last.
    fileprivate mutating func pop() -> [AppEffect] {
        var effects: [AppEffect] = []
        if case .reader(let reader, let episode?) = top {
            effects.append(.remember(episode, reader.position, finished: reader.isFinished))
        }
        guard screens.count > 1 else { return effects + [.quit] }
        screens.removeLast()
        _ = sendToTop(.resize(width: width, height: height))
        return effects
    }

    fileprivate mutating func sendToTop(_ event: InputEvent) -> [AppEffect] {
        if case .resize(let newWidth, let newHeight) = event {
            width = newWidth
            height = newHeight
        }
        let index = screens.count - 1
        switch screens[index] {
        case .reader(var reader, let episode):
            // Esc with nothing to cancel (no selection, search or box) goes back, as q does.
            if screens.count > 1, case .key(let key) = event, settings.keymap.action(for: key) == .cancel, reader.mode == .normal,
               reader.selectionAnchor == nil, reader.search == nil, reader.pendingSearch == nil, reader.pendingCount == nil {
                return [.quit]
            }
            let effects = ReaderUI.update(&reader, event)
            screens[index] = .reader(reader, libraryEpisode: episode)
            return effects.map { $0 == .quit ? .quit : .reader($0) }
        case .library(var screen):
            guard case .key(let key) = event else { return [] }
            let effects = screen.update(key, keymap: settings.keymap, height: height)
            screens[index] = .library(screen)
            return effects
        case .episodes(var screen):
            guard case .key(let key) = event else { return [] }
            let effects = screen.update(key, keymap: settings.keymap, height: height)
            screens[index] = .episodes(screen)
            return effects
        case .results(var screen):
            guard case .key(let key) = event else { return [] }
            let effects = screen.update(key, keymap: settings.keymap, height: height)
            screens[index] = .results(screen)
            return effects
        }
    }

    /// Applies what the host learned to every screen it concerns.
    fileprivate mutating func receive(_ event: LibraryEvent) {
        switch event {
        case .podcasts(let podcasts):
            for index in screens.indices {
                if case .library(var screen) = screens[index] {
                    screen.podcasts = podcasts
                    screen.list.clamp(count: podcasts.count, visible: listRows(height: height))
                    screens[index] = .library(screen)
                }
                if case .episodes(var screen) = screens[index], let podcast = podcasts.first(where: { $0.id == screen.podcast.id }) {
                    screen.podcast = podcast
                    screens[index] = .episodes(screen)
                }
            }
        case .episodes(let podcast, let episodes, let open):
            if open {
                push(.episodes(EpisodesScreen(podcast: podcast, episodes: episodes)))
                return
            }
            for index in screens.indices {
                if case .episodes(var screen) = screens[index], screen.podcast.id == podcast.id {
                    screen.podcast = podcast
                    screen.episodes = episodes
                    screen.list.clamp(count: episodes.count, visible: listRows(height: height))
                    screens[index] = .episodes(screen)
                }
            }
        case .results(let query, let groups, let total):
            guard case .results(var screen) = top, screen.query == query else { return }
            screen.groups = groups
            screen.total = total
            screen.selected = 0
            screen.top = 0
            screens[screens.count - 1] = .results(screen)
        case .refreshing(let line):
            for index in screens.indices {
                if case .library(var screen) = screens[index] {
                    screen.refreshing = line
                    screens[index] = .library(screen)
                } else if case .results(var screen) = screens[index] {
                    // The results screen says when its answers wait for the index.
                    screen.indexing = line?.hasPrefix("indexing") == true ? line : nil
                    screens[index] = .results(screen)
                }
            }
        case .notice(let text, let warning):
            switch top {
            case .library(var screen):
                screen.message = text
                screen.warning = warning
                screens[screens.count - 1] = .library(screen)
            case .episodes(var screen):
                screen.message = text
                screen.warning = warning
                screens[screens.count - 1] = .episodes(screen)
            case .results(var screen):
                screen.message = text
                screens[screens.count - 1] = .results(screen)
            case .reader:
                _ = sendToTop(.host(.notice(text, warning: warning)))
            }
        }
    }
}

/// The only place the app's state changes: input goes to the screen on
/// top; leaving a screen above another returns to that one.
public func update(_ app: inout AppState, _ event: AppEvent) -> [AppEffect] {
    switch event {
    case .open(let screen):
        app.push(screen)
        return []
    case .library(let learned):
        app.receive(learned)
        return []
    case .input(let input):
        var effects = app.sendToTop(input)
        if effects.contains(.quit) {
            effects.removeAll { $0 == .quit }
            effects += app.pop()
        }
        // `/` on a list screen opens the library-wide search.
        if let index = effects.firstIndex(of: .searchLibrary("")), !isResults(app.top) {
            effects.remove(at: index)
            app.push(.results(ResultsScreen()))
        }
        return effects
    }
}

private func isResults(_ screen: AppScreen) -> Bool {
    if case .results = screen { return true }
    return false
}

/// Applies key strings (as tests write them: `"/cyber<Enter>n"`) to the app.
@discardableResult
public func update(_ app: inout AppState, keys: String) -> [AppEffect] {
    Key.sequence(keys).flatMap { update(&app, .input(.key($0))) }
}

/// The screen on top, drawn. Pure: the same state gives the same screen.
public func render(_ app: AppState) -> Screen {
    switch app.top {
    case .reader(let reader, _): return ReaderUI.render(reader)
    case .library(let screen): return screen.render(width: app.width, height: app.height, settings: app.settings, colors: app.colors)
    case .episodes(let screen): return screen.render(width: app.width, height: app.height, settings: app.settings, colors: app.colors)
    case .results(let screen): return screen.render(width: app.width, height: app.height, settings: app.settings, colors: app.colors)
    }
}
