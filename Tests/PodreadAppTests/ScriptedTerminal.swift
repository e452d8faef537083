import ReaderUI

/// A terminal in memory: it keeps every screen drawn and plays back input
/// given in advance (key strings as tests write them, or any event). When
/// the script runs out it says there is no more input, so the app ends.
final class ScriptedTerminal: Terminal {
    private(set) var size: (width: Int, height: Int)
    private var script: [InputEvent]
    private(set) var drawn: [Screen] = []
    private(set) var copied: [String] = []
    private(set) var suspended = 0
    private(set) var redraws = 0
    private(set) var ended = false

    init(width: Int = 80, height: Int = 24, keys: String = "", events: [InputEvent] = []) {
        size = (width, height)
        script = Key.sequence(keys).map { InputEvent.key($0) } + events
    }

    /// More input, after what is there.
    func type(_ keys: String) { script += Key.sequence(keys).map { .key($0) } }
    func send(_ event: InputEvent) { script.append(event) }

    /// The last screen, row by row, trailing spaces trimmed.
    var lines: [String] { drawn.last?.lines ?? [] }

    func draw(_ screen: Screen) { drawn.append(screen) }

    func nextEvent(timeout milliseconds: Int) -> InputEvent? {
        guard !script.isEmpty else { return nil }
        let event = script.removeFirst()
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
    }

    func suspend() { suspended += 1 }
    func redrawAll() { redraws += 1 }
    func copyToClipboard(_ text: String) { copied.append(text) }
    func end() { ended = true }
}
