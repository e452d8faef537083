import EpisodeKit

/// A key as the reader sees it, whatever terminal it came from. The
/// terminal layer turns curses key codes into these at the edge.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter (`ctrl("d")`).
    case control(Character)
    case up, down, left, right
    case shiftLeft, shiftRight
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
}

/// What the reader receives: from the terminal (keys, the mouse, a new
/// size, time passing) and from its host (where to start, what became of a
/// copy or a link, an index that is ready). Every change of state comes in
/// as one of these, through `update`.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Time passed with no input (for the clock and messages).
    case tick
    /// The playback clock's state now.
    case clock(PlaybackReading)
    /// Where to begin, once, before the first key.
    case start(StartRequest)
    /// What the host did or learned.
    case host(HostEvent)
}

/// Where the reader begins: a time (from `--at`, or where the episode was
/// left: `resumed`), a search (`--search`), and what the host has to tell
/// (each problem with the files or the configuration).
public struct StartRequest: Equatable, Sendable {
    public var time: TimeCode?
    public var resumed: Bool
    public var search: String?
    public var notices: [String]

    public init(time: TimeCode? = nil, resumed: Bool = false, search: String? = nil, notices: [String] = []) {
        self.time = time
        self.resumed = resumed
        self.search = search
        self.notices = notices
    }
}

/// The outcome of something the host did for the reader.
public enum HostEvent: Equatable, Sendable {
    /// A quote went to the clipboard (and the journal, unless `failed`).
    case quoteCopied(message: String, failed: Bool)
    /// A link was opened (or copied, with no opener).
    case linkOpened(message: String)
    /// The search index built elsewhere is ready.
    case indexReady(IndexHandle)
    /// Anything else worth a line in the status bar.
    case notice(String, warning: Bool)
}

/// A search index handed over in an event; events compare it by identity.
public final class IndexHandle: Equatable, Sendable {
    public let index: SearchIndex
    public init(_ index: SearchIndex) { self.index = index }
    public static func == (lhs: IndexHandle, rhs: IndexHandle) -> Bool { lhs === rhs }
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}

extension Key {
    /// Keys written the way help and tests write them: `j`, `C-d`, `Enter`, `PgDn`.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "C-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .shiftLeft: return "S-←"
        case .shiftRight: return "S-→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        }
    }

    /// Typed characters come first in help and hints, Ctrl keys last.
    var helpRank: Int {
        switch self {
        case .character(" "): return 1
        case .character: return 0
        case .control: return 2
        default: return 1
        }
    }

    /// Parses names as `name` writes them (and as the config file takes them).
    public init?(name: String) {
        switch name {
        case "Space": self = .character(" ")
        case "↑", "Up": self = .up
        case "↓", "Down": self = .down
        case "←", "Left": self = .left
        case "→", "Right": self = .right
        case "S-←", "S-Left": self = .shiftLeft
        case "S-→", "S-Right": self = .shiftRight
        case "PgUp", "PageUp": self = .pageUp
        case "PgDn", "PageDown": self = .pageDown
        case "Home": self = .home
        case "End": self = .end
        case "Enter": self = .enter
        case "Esc", "Escape": self = .escape
        case "Tab": self = .tab
        case "S-Tab", "BackTab": self = .backTab
        case "Backspace": self = .backspace
        case "Del", "Delete": self = .delete
        default:
            if name.hasPrefix("C-"), name.count == 3, let c = name.last { self = .control(Character(c.lowercased())); return }
            if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) { self = .function(n); return }
            guard name.count == 1, let c = name.first else { return nil }
            self = .character(c)
        }
    }

    /// A key string as tests write them: `"jjG"`, `"/cyber<Enter>n"`, `"<C-d>"`.
    public static func sequence(_ text: String) -> [Key] {
        var keys: [Key] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "<", let close = text[index...].firstIndex(of: ">"), close > text.index(after: index),
               let key = Key(name: String(text[text.index(after: index)..<close])) {
                keys.append(key)
                index = text.index(after: close)
            } else {
                keys.append(.character(text[index]))
                index = text.index(after: index)
            }
        }
        return keys
    }
}
