import CNcursesw
import ReaderUI
#if canImport(Glibc)
import Glibc
#endif

/// Writes the characters curses cannot: a grapheme cluster of several
/// spacing characters (a ZWJ emoji sequence such as 👩‍👩‍👧, a flag) or one
/// whose width the C library disagrees with (🎙️ with its emoji selector).
///
/// curses keeps one spacing character per cell, so it would drop the rest
/// of such a cluster, and terminals disagree on how wide they draw it. So
/// curses is given spaces for these cells, and after it has drawn, each
/// cluster is written whole at its grid column; then the rest of its row is
/// written again cell by cell at the grid's columns, so whatever width the
/// terminal chose, what follows stays aligned.
struct ClusterWriter {
    /// A cell curses cannot be trusted with.
    static func needsRawOutput(_ text: String, width: Int) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 1 || (scalars.count == 1 && scalars[0].value >= 0x1F000) else { return false }
        let first = Int(podread_wcwidth(scalars[0].value))
        if first != width { return true }
        return scalars.dropFirst().contains { podread_wcwidth($0.value) != 0 }
    }

    /// Rewrites, for each row given, its raw clusters and what follows them.
    static func write(rows: [Int], of screen: Screen, colors: Bool) {
        var output = ""
        for row in rows {
            guard let first = (0..<screen.width).first(where: { column in
                let cell = screen[row, column]
                return !cell.isContinuation && needsRawOutput(cell.text, width: cellWidth(screen, row, column))
            }) else { continue }
            var column = first
            while column < screen.width {
                let cell = screen[row, column]
                let width = cellWidth(screen, row, column)
                if cell.isContinuation || (row == screen.height - 1 && column == screen.width - 1) {
                    column += 1
                    continue
                }
                guard let move = podread_terminfo_with("cup", Int32(row), Int32(column)) else { return }
                output += String(cString: move)
                output += attributes(cell.style, colors: colors)
                output += cell.text.isEmpty ? " " : cell.text
                column += max(1, width)
            }
        }
        guard !output.isEmpty else { return }
        // Attributes off, and the cursor back where curses believes it is.
        output += plain
        if let back = podread_terminfo_with("cup", getcury(podread_curscr()), getcurx(podread_curscr())) { output += String(cString: back) }
        fputs(output, podread_stdout())
        fflush(podread_stdout())
    }

    private static func cellWidth(_ screen: Screen, _ row: Int, _ column: Int) -> Int {
        column + 1 < screen.width && screen[row, column + 1].isContinuation ? 2 : 1
    }

    private static var plain: String { capability("sgr0") ?? "\u{1B}[0m" }

    private static func attributes(_ style: Style, colors: Bool) -> String {
        var text = plain
        if style.bold { text += capability("bold") ?? "" }
        if style.dim { text += capability("dim") ?? "" }
        if style.reverse { text += capability("rev") ?? "" }
        if style.underline { text += capability("smul") ?? "" }
        if colors, let color = style.color, let sequence = podread_terminfo_with("setaf", Int32(color.rawValue), 0) { text += String(cString: sequence) }
        return text
    }

    private static func capability(_ name: String) -> String? {
        podread_terminfo_string(name).map { String(cString: $0) }
    }
}
