import CCrashRestore
import CNcursesw
import ReaderUI
#if canImport(Glibc)
import Glibc
#endif

/// The terminal, driven through ncursesw: draws `Screen`s, reads keys,
/// mouse and resizes, and always gives the terminal back as it found it.
public final class CursesScreen: Terminal {
    private var previous: Screen?
    private let colors: Bool
    private var ended = false
    private let window: UnsafeMutablePointer<WINDOW>
    /// The wait for input now set on the window, in milliseconds.
    private var timeout: Int32 = 100

    /// Takes over the terminal. Throws (and leaves the terminal untouched)
    /// when the terminal cannot be driven.
    public init(colors: Bool) throws(TerminalError) {
        setlocale(LC_ALL, "")
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        podread_crash_restore_save_mode(STDOUT_FILENO)
        guard newterm(nil, podread_stdout(), podread_stdin()) != nil, let screen = podread_stdscr() else {
            throw TerminalError(message: "cannot start the terminal interface")
        }
        window = screen
        raw()                   // Ctrl-C arrives as a key, so quitting stays clean
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)
        wtimeout(window, timeout)
        mousemask(podread_mouse_all(), nil)
        mouseinterval(0)
        var useColors = colors && has_colors()
        if useColors {
            useColors = start_color() == OK
            use_default_colors()
            for color in Style.Color.allCases {
                init_pair(Int16(color.rawValue), Int16(color.rawValue), -1)
            }
        }
        self.colors = useColors
        SignalFlags.install()
        Self.armCrashRestore()
    }

    /// What a crash must write to give the terminal back, from the terminal's
    /// own capabilities: attributes off, mouse reports off, keypad mode off,
    /// cursor shown, alternate screen left.
    private static func armCrashRestore() {
        var leave = ""
        for name in ["sgr0", "rmkx", "cnorm"] {
            if let value = podread_terminfo_string(name) { leave += String(cString: value) }
        }
        if podread_terminfo_string("kmous") != nil {
            leave += "\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l"
        }
        if let value = podread_terminfo_string("rmcup") { leave += String(cString: value) }
        let bytes = Array(leave.utf8)
        podread_crash_restore_install(bytes.map { CChar(bitPattern: $0) }, bytes.count, STDOUT_FILENO)
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Draws a screen: rows that changed since the last one are written to
    /// curses, which sends only the changed cells to the terminal.
    public func draw(_ screen: Screen) {
        let full = previous.map { $0.width != screen.width || $0.height != screen.height } ?? true
        if full { werase(window) }
        var drawn: [Int] = []
        for row in 0..<screen.height {
            if !full, let previous, (0..<screen.width).allSatisfy({ previous[row, $0] == screen[row, $0] }) { continue }
            drawRow(row, of: screen)
            drawn.append(row)
        }
        previous = screen
        wnoutrefresh(window)
        doupdate()
        ClusterWriter.write(rows: drawn, of: screen, colors: colors)
    }

    private func drawRow(_ row: Int, of screen: Screen) {
        wmove(window, Int32(row), 0)
        for column in 0..<screen.width {
            let cell = screen[row, column]
            if cell.isContinuation { continue }
            // The bottom-right cell cannot be written without scrolling on
            // some terminals; it is always part of the status line's padding.
            if row == screen.height - 1 && column == screen.width - 1 { break }
            wattr_set(window, attributes(cell.style), colorPair(cell.style), nil)
            let width = column + 1 < screen.width && screen[row, column + 1].isContinuation ? 2 : 1
            if ClusterWriter.needsRawOutput(cell.text, width: width) {
                // Spaces for curses; the cluster itself is written after it (ClusterWriter).
                mvwaddnwstr(window, Int32(row), Int32(column), [wchar_t(32), wchar_t(32), 0], Int32(width))
                continue
            }
            var characters = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            if characters.isEmpty { characters = [wchar_t(32)] }
            characters.append(0)
            mvwaddnwstr(window, Int32(row), Int32(column), characters, Int32(characters.count - 1))
        }
        wattr_set(window, podread_a_normal(), 0, nil)
    }

    private func attributes(_ style: Style) -> attr_t {
        var value = podread_a_normal()
        if style.bold { value |= podread_a_bold() }
        if style.dim { value |= podread_a_dim() }
        if style.reverse { value |= podread_a_reverse() }
        if style.underline { value |= podread_a_underline() }
        return value
    }

    private func colorPair(_ style: Style) -> Int16 {
        guard colors, let color = style.color else { return 0 }
        return Int16(color.rawValue)
    }

    /// The next event, or `.tick` when `timeout` passes with none. Returns
    /// nil when a signal asked podread to stop.
    public func nextEvent(timeout milliseconds: Int) -> InputEvent? {
        if SignalFlags.stopRequested { return nil }
        if Int32(milliseconds) != timeout {
            timeout = Int32(milliseconds)
            wtimeout(window, timeout)
        }
        var character: wint_t = 0
        let status = wget_wch(window, &character)
        if SignalFlags.stopRequested { return nil }
        if status == ERR { return Self.terminalGone() ? nil : .tick }
        if status == KEY_CODE_YES {
            return functionKey(Int32(character))
        }
        return .key(KeyTranslation.character(UInt32(character)))
    }

    private func functionKey(_ code: Int32) -> InputEvent {
        switch code {
        case KEY_RESIZE:
            previous = nil
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .tick }
            let kind: MouseEvent.Kind
            if event.bstate & podread_wheel_up() != 0 {
                kind = .wheelUp
            } else if podread_wheel_down() != 0 && event.bstate & podread_wheel_down() != 0 {
                kind = .wheelDown
            } else if event.bstate & podread_button1_press() != 0 {
                kind = .click
            } else {
                return .tick
            }
            return .mouse(MouseEvent(kind: kind, row: Int(event.y), column: Int(event.x)))
        default:
            if let key = KeyTranslation.function(code) { return .key(key) }
            return .tick
        }
    }

    /// Whether the terminal hung up (its window closed, the SSH link
    /// dropped): input then fails at once instead of timing out, and
    /// podread must stop rather than spin.
    private static func terminalGone() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Stops podread as a shell's Ctrl-Z would: the terminal is given back
    /// first, and taken again when the shell continues podread (`fg`).
    public func suspend() {
        podread_crash_restore_remove()
        mousemask(0, nil)
        curs_set(1)
        endwin()
        signal(SIGTSTP, SIG_DFL)
        kill(0, SIGTSTP)    // the whole job, as the shell's own Ctrl-Z; returns on `fg`
        podread_crash_restore_save_mode(STDOUT_FILENO)
        curs_set(0)
        mousemask(podread_mouse_all(), nil)
        Self.armCrashRestore()
        redrawAll()
    }

    /// The next `draw` paints every cell, whatever the terminal shows now.
    public func redrawAll() {
        previous = nil
        clearok(window, true)
    }

    /// OSC 52 to the terminal podread draws on.
    public func copyToClipboard(_ text: String) {
        Clipboard.copy(text)
    }

    /// Gives the terminal back: normal mode, cursor visible, screen restored.
    public func end() {
        guard !ended else { return }
        ended = true
        podread_crash_restore_remove()
        mousemask(0, nil)
        curs_set(1)
        endwin()
    }

    deinit { end() }
}

public struct TerminalError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
