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
        }
    }
}

/// Which key does what. Data, so a configuration file can change it.
public struct Keymap: Sendable, Equatable {
    public var bindings: [Key: Action]

    public init(bindings: [Key: Action]) {
        self.bindings = bindings
    }

    public func action(for key: Key) -> Action? { bindings[key] }

    /// The keys bound to an action, in a stable order, for help: typed
    /// characters first (the easiest to press), then named keys, then Ctrl.
    public func keys(for action: Action) -> [Key] {
        bindings.filter { $0.value == action }.map(\.key).sorted { ($0.helpRank, $0.name) < ($1.helpRank, $1.name) }
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
}
