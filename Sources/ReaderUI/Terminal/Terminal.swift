/// What the app needs from a terminal, and no more: its size, drawing a
/// screen, the next input, suspending, repainting, the clipboard, and
/// giving the terminal back. The curses terminal is one; tests drive the
/// app through one that keeps what was drawn and plays back scripted input.
public protocol Terminal: AnyObject {
    /// The size in cells.
    var size: (width: Int, height: Int) { get }
    /// Shows a screen (a real terminal sends only what changed).
    func draw(_ screen: Screen)
    /// The next input; `.tick` when `milliseconds` pass with none; nil when
    /// there will be no more (the terminal hung up, a signal asked podread
    /// to stop, a script ran out).
    func nextEvent(timeout milliseconds: Int) -> InputEvent?
    /// Hands the terminal back as a shell's Ctrl-Z would, until `fg`.
    func suspend()
    /// The next `draw` paints every cell, whatever the terminal shows now.
    func redrawAll()
    /// Puts text on the clipboard through the terminal (the OSC 52 escape).
    func copyToClipboard(_ text: String)
    /// Gives the terminal back as it was found.
    func end()
}
