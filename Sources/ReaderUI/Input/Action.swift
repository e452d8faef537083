/// The reader's named commands; keys map to these (see `Keymap`).
public enum Action: String, CaseIterable, Sendable {
    case lineDown, lineUp, halfPageDown, halfPageUp, pageDown, pageUp, top, bottom
    case nextPane, previousPane
    case search, nextHit, previousHit, resultsList
    case jumpToTime, commandLine
    case nextChapter, previousChapter, tableOfContents
    case openLink
    case select, copy, cycleQuoteFormat, cancel
    case playPause, playLine, follow, seekBackward, seekForward, seekBackwardLong, seekForwardLong
    case slower, faster, volumeDown, volumeUp, mute
    case messages, help, redraw, suspend, quit
    // In the boxes over the panes (help, messages, results, chapters, links).
    case listDown, listUp, listHalfDown, listHalfUp, listPageDown, listPageUp, listTop, listBottom, choose, close
    // While typing at the bottom line (search, time, command).
    case submit, abandon, deleteBack, clearLine, historyBack, historyForward
    // On the library's screens (podcasts, episodes).
    case refresh, addFeed, removePodcast, toggleFinished

    /// Where the action's keys work.
    public var context: KeyContext {
        switch self {
        case .listDown, .listUp, .listHalfDown, .listHalfUp, .listPageDown, .listPageUp, .listTop, .listBottom, .choose, .close:
            return .list
        case .submit, .abandon, .deleteBack, .clearLine, .historyBack, .historyForward:
            return .prompt
        case .refresh, .addFeed, .removePodcast, .toggleFinished:
            return .library
        default:
            return .reader
        }
    }

    /// What the help overlay says it does.
    public var summary: String {
        switch self {
        case .lineDown: "next line"
        case .lineUp: "previous line"
        case .halfPageDown: "half a page down"
        case .halfPageUp: "half a page up"
        case .pageDown: "a page down"
        case .pageUp: "a page up"
        case .top: "first line"
        case .bottom: "last line"
        case .nextPane: "next pane"
        case .previousPane: "previous pane"
        case .search: "search (as you type)"
        case .nextHit: "next hit"
        case .previousHit: "previous hit"
        case .resultsList: "list every hit"
        case .jumpToTime: "jump to a time (12:31, 1h2m, +30s)"
        case .commandLine: "command line (a time, or q)"
        case .nextChapter: "next chapter"
        case .previousChapter: "previous chapter"
        case .tableOfContents: "chapters"
        case .openLink: "open the link (a list when there are several)"
        case .select: "select lines or items to quote (move to extend)"
        case .copy: "copy the selection or the line (any pane) as a quote"
        case .cycleQuoteFormat: "quote format: plain, markdown, json, cite"
        case .cancel: "end the selection"
        case .playPause: "play / pause (the audio, or the read-along clock)"
        case .playLine: "play from this line"
        case .follow: "follow the spoken line again"
        case .seekBackward: "back 5 s"
        case .seekForward: "forward 5 s"
        case .seekBackwardLong: "back 30 s"
        case .seekForwardLong: "forward 30 s"
        case .slower: "slower (−0.1×)"
        case .faster: "faster (+0.1×)"
        case .volumeDown: "volume down"
        case .volumeUp: "volume up"
        case .mute: "mute"
        case .messages: "every message and warning of this session"
        case .help: "this help"
        case .redraw: "redraw the screen"
        case .suspend: "suspend podread (fg brings it back)"
        case .quit: "quit"
        case .listDown: "next item (in a list or box)"
        case .listUp: "previous item"
        case .listHalfDown: "half a box down"
        case .listHalfUp: "half a box up"
        case .listPageDown: "a box down"
        case .listPageUp: "a box up"
        case .listTop: "first item"
        case .listBottom: "last item"
        case .choose: "jump to / open the chosen item"
        case .close: "close the box"
        case .submit: "search, jump or run what was typed"
        case .abandon: "cancel (a search goes back to where you were)"
        case .deleteBack: "delete the last character"
        case .clearLine: "clear the line"
        case .historyBack: "an earlier search"
        case .historyForward: "a later search"
        case .refresh: "refresh (the podcast chosen, or all from the library)"
        case .addFeed: "follow a podcast: type its feed's address"
        case .removePodcast: "stop following the podcast chosen (asks first)"
        case .toggleFinished: "mark the episode finished, or not"
        }
    }
}

/// Where keys are read: the reader itself, a box over it, or a line being typed.
public enum KeyContext: String, CaseIterable, Sendable {
    case reader, list, prompt, library

    /// The heading help gives the context's keys.
    public var title: String {
        switch self {
        case .reader: "In the reader"
        case .list: "In help, messages, results, chapters and links"
        case .prompt: "While typing a search, a time or a command"
        case .library: "In the library and a podcast's episodes (with the list keys)"
        }
    }
}

/// Which key does what, in each context. Data, so a configuration file can
/// change it: every key podread reads goes through here, except digits
/// (counts, and a link's number) and the text typed at a prompt.
public struct Keymap: Sendable, Equatable {
    public var bindings: [Key: Action]
    public var listBindings: [Key: Action]
    public var promptBindings: [Key: Action]
    public var libraryBindings: [Key: Action]

    public init(bindings: [Key: Action], listBindings: [Key: Action] = Keymap.standardList,
                promptBindings: [Key: Action] = Keymap.standardPrompt, libraryBindings: [Key: Action] = Keymap.standardLibrary) {
        self.bindings = bindings
        self.listBindings = listBindings
        self.promptBindings = promptBindings
        self.libraryBindings = libraryBindings
    }

    /// The reader's action for a key.
    public func action(for key: Key) -> Action? { bindings[key] }

    public func action(for key: Key, in context: KeyContext) -> Action? { self[context][key] }

    /// The table of a context.
    public subscript(context: KeyContext) -> [Key: Action] {
        get {
            switch context {
            case .reader: bindings
            case .list: listBindings
            case .prompt: promptBindings
            case .library: libraryBindings
            }
        }
        set {
            switch context {
            case .reader: bindings = newValue
            case .list: listBindings = newValue
            case .prompt: promptBindings = newValue
            case .library: libraryBindings = newValue
            }
        }
    }

    /// The keys bound to an action, in a stable order, for help: typed
    /// characters first (the easiest to press), then named keys, then Ctrl.
    public func keys(for action: Action) -> [Key] {
        self[action.context].filter { $0.value == action }.map(\.key).sorted { ($0.helpRank, $0.name) < ($1.helpRank, $1.name) }
    }

    /// Binds `keys` to `action` in its context, in place of its keys before.
    public mutating func rebind(_ action: Action, to keys: [Key]) {
        var table = self[action.context]
        for (key, bound) in table where bound == action { table[key] = nil }
        for key in keys { table[key] = action }
        self[action.context] = table
    }

    /// less and vim keys. `Space` stays free for play/pause, `?` is help,
    /// backward search is `N`; digits are counts (`5j`), so volume is `-`/`+`.
    public static let standard = Keymap(bindings: [
        .character("j"): .lineDown, .down: .lineDown, .character("k"): .lineUp, .up: .lineUp,
        .control("d"): .halfPageDown, .control("u"): .halfPageUp,
        .pageDown: .pageDown, .control("f"): .pageDown,
        .pageUp: .pageUp, .control("b"): .pageUp, .character("b"): .pageUp,
        .character("g"): .top, .home: .top, .character("G"): .bottom, .end: .bottom,
        .tab: .nextPane, .backTab: .previousPane,
        .character("/"): .search, .character("n"): .nextHit, .character("N"): .previousHit, .character("&"): .resultsList,
        .character("t"): .jumpToTime, .character(":"): .commandLine,
        .character("]"): .nextChapter, .character("["): .previousChapter, .character("c"): .tableOfContents,
        .character("o"): .openLink,
        .character(" "): .playPause, .enter: .playLine, .character("f"): .follow,
        .left: .seekBackward, .character("h"): .seekBackward, .right: .seekForward, .character("l"): .seekForward,
        .shiftLeft: .seekBackwardLong, .character("H"): .seekBackwardLong, .shiftRight: .seekForwardLong, .character("L"): .seekForwardLong,
        .character("<"): .slower, .character(">"): .faster, .character("-"): .volumeDown, .character("+"): .volumeUp, .character("m"): .mute,
        .character("v"): .select, .character("y"): .copy, .character("Y"): .cycleQuoteFormat, .escape: .cancel,
        .character("?"): .help, .character("M"): .messages, .character("q"): .quit, .control("c"): .quit,
        .control("l"): .redraw, .control("z"): .suspend,
    ])

    /// Boxes move as a pane does.
    public static let standardList: [Key: Action] = [
        .character("j"): .listDown, .down: .listDown, .character("k"): .listUp, .up: .listUp,
        .control("d"): .listHalfDown, .control("u"): .listHalfUp,
        .pageDown: .listPageDown, .control("f"): .listPageDown, .character(" "): .listPageDown,
        .pageUp: .listPageUp, .control("b"): .listPageUp, .character("b"): .listPageUp,
        .character("g"): .listTop, .home: .listTop, .character("G"): .listBottom, .end: .listBottom,
        .enter: .choose, .escape: .close, .character("q"): .close, .control("c"): .close,
    ]

    /// The library's own commands.
    public static let standardLibrary: [Key: Action] = [
        .character("r"): .refresh, .character("a"): .addFeed, .character("d"): .removePodcast, .character("x"): .toggleFinished,
    ]

    /// A line being typed, as in a shell.
    public static let standardPrompt: [Key: Action] = [
        .enter: .submit, .escape: .abandon, .control("c"): .abandon, .control("g"): .abandon,
        .backspace: .deleteBack, .delete: .deleteBack, .control("u"): .clearLine,
        .up: .historyBack, .down: .historyForward,
    ]
}
