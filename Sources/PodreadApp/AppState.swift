import EpisodeKit
import ReaderUI

/// One screen of the app. Today the reader; the library, a podcast's
/// episodes and library-wide results are screens of the same kind: a state
/// of their own, updated by events, drawn by a pure function.
public enum AppScreen: Sendable {
    case reader(ReaderState)
}

/// What the app receives: input for the screen on top, or a screen to open
/// over it.
public enum AppEvent: Sendable {
    case input(InputEvent)
    case open(AppScreen)
}

/// The whole app: a stack of screens, the top one on the terminal. Opening
/// a screen pushes it; leaving it (`q`) pops back to the one below exactly
/// as it was — position, focus, search — since the stack holds each state
/// whole. Only `update` changes it.
public struct AppState: Sendable {
    public private(set) var screens: [AppScreen]
    public private(set) var width: Int
    public private(set) var height: Int

    public init(_ first: AppScreen) {
        screens = [first]
        switch first {
        case .reader(let reader):
            width = reader.width
            height = reader.height
        }
    }

    public var top: AppScreen { screens[screens.count - 1] }

    /// The reader on top, when the top screen is a reader.
    public var reader: ReaderState? {
        if case .reader(let reader) = top { return reader }
        return nil
    }

    /// The first reader of the stack: the episode podread was opened on,
    /// whose position is remembered when podread ends.
    public var firstReader: ReaderState? {
        for case .reader(let reader) in screens { return reader }
        return nil
    }

    /// Whether the screen on top is playing audio.
    public var isPlaying: Bool { reader?.isPlaying == true }

    fileprivate mutating func replaceTop(_ screen: AppScreen) {
        screens[screens.count - 1] = screen
    }

    fileprivate mutating func push(_ screen: AppScreen) {
        screens.append(screen)
        // A screen opens at the terminal's size, whatever size it was made for.
        _ = sendToTop(.resize(width: width, height: height))
    }

    /// Leaves the top screen; false when it is the last (the app then ends).
    fileprivate mutating func pop() -> Bool {
        guard screens.count > 1 else { return false }
        screens.removeLast()
        _ = sendToTop(.resize(width: width, height: height))
        return true
    }

    fileprivate mutating func sendToTop(_ event: InputEvent) -> [Effect] {
        if case .resize(let newWidth, let newHeight) = event {
            width = newWidth
            height = newHeight
        }
        switch top {
        case .reader(var reader):
            let effects = ReaderUI.update(&reader, event)
            replaceTop(.reader(reader))
            return effects
        }
    }
}

/// The only place the app's state changes: the event goes to the screen on
/// top; a quit from a screen above another returns to that one.
public func update(_ app: inout AppState, _ event: AppEvent) -> [Effect] {
    switch event {
    case .open(let screen):
        app.push(screen)
        return []
    case .input(let input):
        var effects = app.sendToTop(input)
        if effects.contains(.quit), app.screens.count > 1 {
            effects.removeAll { $0 == .quit }
            _ = app.pop()
        }
        return effects
    }
}

/// Applies key strings (as tests write them: `"/cyber<Enter>n"`) to the app.
@discardableResult
public func update(_ app: inout AppState, keys: String) -> [Effect] {
    Key.sequence(keys).flatMap { update(&app, .input(.key($0))) }
}

/// The screen on top, drawn. Pure: the same state gives the same screen.
public func render(_ app: AppState) -> Screen {
    switch app.top {
    case .reader(let reader): return ReaderUI.render(reader)
    }
}
