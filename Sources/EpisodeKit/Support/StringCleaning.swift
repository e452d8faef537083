extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line ends
    /// (Unicode white space included). Works on scalars: readers call this
    /// for every line, and grapheme breaking would dominate their time.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Runs of white space folded to single spaces, ends trimmed.
    func collapsingWhitespace() -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    /// White space, with the common ASCII cases answered without a Unicode
    /// property lookup (which is slow enough to dominate a reader's time).
    @inline(__always)
    var isSpace: Bool {
        if value < 0x80 { return value == 32 || (value >= 9 && value <= 13) }
        return properties.isWhitespace
    }
}
