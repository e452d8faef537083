/// Makes episode text safe to show: text from an episode is data, so control
/// characters and escape sequences become visible placeholders and can never
/// act as terminal commands.
public enum InertText {
    /// C0 controls become their Control Pictures (ESC shows as `␛`), DEL `␡`,
    /// C1 controls and bidirectional overrides `�`. Tabs become a space.
    /// With `keepingLineBreaks`, `\n` stays a line break (for multi-line output).
    public static func clean(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Printable ASCII, nearly every line, is answered on its bytes.
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) == true { return text }
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepingLineBreaks && scalar == "\n" {
                scalars.append(scalar)
            } else {
                scalars.append(contentsOf: replacement(for: scalar).unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// The text on one line: line breaks become spaces (the same number of
    /// scalars, so match offsets still hold), then it is made inert.
    public static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(10) else { return clean(text) }
        return clean(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" ? " " : $0 })))
    }

    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static func replacement(for scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        guard needsReplacing(scalar) else { return String(scalar) }
        if v == 0x09 { return " " }
        if v < 0x20 { return String(Unicode.Scalar(0x2400 + v)!) }
        if v == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }
}
