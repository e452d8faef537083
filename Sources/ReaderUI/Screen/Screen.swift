/// How a cell looks. Colours are named, not numbered: the terminal layer
/// maps them, and drops them when colour is off.
public struct Style: Hashable, Sendable {
    public enum Color: Int, Sendable, CaseIterable {
        case red = 1, green, yellow, blue, magenta, cyan, white
    }

    public var color: Color?
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(color: Color? = nil, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.color = color
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

/// One terminal cell: a character (a whole grapheme, combining marks
/// included) or, right of a wide character, its continuation.
public struct Cell: Hashable, Sendable {
    /// The character shown; empty for the right half of a wide character.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
    /// Whether the character takes two columns (a continuation follows it).
    var isWide: Bool { text.first.map { DisplayWidth.of($0) == 2 } ?? false }
}

/// A grid of cells: what `render` returns and the terminal draws.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Writes `text` from (`row`, `column`), never past `limit` columns (by
    /// default the screen's edge). A wide character that would not fit whole
    /// is replaced by spaces: no half characters at a border. Returns the
    /// columns used.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, limit: Int? = nil, style: Style = .plain) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let end = min(width, column + (limit ?? width))
        mendLeftEdge(row: row, column: column)
        defer { mendRightEdge(row: row, column: min(width, max(column, end))) }
        var x = column
        for character in text {
            let cellWidth = DisplayWidth.of(character)
            if cellWidth == 0 { continue }  // a lone mark or zero-width character
            if x + cellWidth > end {
                while x < end {
                    if x >= 0 { self[row, x] = Cell(" ", style: style) }
                    x += 1
                }
                break
            }
            if x >= 0 { self[row, x] = Cell(String(character), style: style) }
            if cellWidth == 2, x + 1 >= 0 { self[row, x + 1] = Cell("", style: style) }
            x += cellWidth
        }
        return x - column
    }

    /// Fills a run of cells with a character and style.
    public mutating func fill(row: Int, from column: Int, count: Int, with text: String = " ", style: Style = .plain) {
        guard row >= 0, row < height else { return }
        let start = max(0, column), end = min(width, column + max(0, count))
        guard start < end else { return }
        mendLeftEdge(row: row, column: start)
        for x in start..<end { self[row, x] = Cell(text, style: style) }
        mendRightEdge(row: row, column: end)
    }

    /// Writing from `column` splits a wide character whose right half is
    /// there: its left half becomes a space, so no half character remains.
    private mutating func mendLeftEdge(row: Int, column: Int) {
        guard column > 0, column < width, self[row, column].isContinuation else { return }
        self[row, column - 1] = Cell(" ", style: self[row, column - 1].style)
    }

    /// Writing up to `column` may leave the right half of a wide character
    /// whose left half was written over: it becomes a space.
    private mutating func mendRightEdge(row: Int, column: Int) {
        guard column > 0, column < width, self[row, column].isContinuation, !self[row, column - 1].isWide else { return }
        self[row, column] = Cell(" ", style: self[row, column].style)
    }

    /// Changes the style of cells already written (for highlights over text).
    public mutating func restyle(row: Int, from column: Int, count: Int, _ change: (inout Style) -> Void) {
        let start = max(0, column), end = min(width, column + max(0, count))
        guard row >= 0, row < height, start < end else { return }
        for x in start..<end { change(&cells[row * width + x].style) }
    }

    /// A row as plain text (wide characters once, continuations dropped), for tests and review.
    public func text(row: Int) -> String {
        var line = ""
        for column in 0..<width where !self[row, column].isContinuation {
            line += self[row, column].text
        }
        return line
    }

    /// Every row as text, trailing spaces trimmed.
    public var lines: [String] {
        (0..<height).map { row in
            var line = text(row: row)
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
