/// The reader's look: one style per kind of text. With colours off
/// (`NO_COLOR`, `--no-color`, a monochrome terminal) the same choices
/// remain visible through bold, dim, reverse and underline.
public struct Styles {
    let appearance: Appearance

    public init(appearance: Appearance) { self.appearance = appearance }
    var colors: Bool { appearance.colors }

    public var plain: Style { Style() }
    public var dim: Style { Style(dim: true) }
    public var bar: Style { Style(reverse: true) }
    public var barBold: Style { Style(bold: true, reverse: true) }
    public var border: Style { Style(dim: true) }
    public var focusedBorder: Style { Style(color: tint(appearance.accent), bold: true) }
    public var focusedTitle: Style { Style(color: tint(appearance.accent), bold: true) }
    public var marker: Style { Style(color: tint(appearance.marker), bold: true) }
    public var dimMarker: Style { Style(dim: true) }
    public var warning: Style { Style(color: tint(appearance.warning), bold: true) }

    func style(for span: RowSpan, speakerColor: Style.Color?) -> Style {
        switch span.role {
        case .timestamp: return Style(dim: true)
        case .text, .body: return Style()
        case .speaker: return Style(color: speakerColor, bold: true)
        case .chapter: return Style(color: tint(appearance.chapter), bold: true)
        case .title: return Style(bold: true)
        case .label: return Style(dim: true)
        case .authors: return Style(bold: true)
        case .detail: return Style(dim: true)
        case .link: return Style(color: tint(appearance.link), underline: true)
        }
    }

    /// Each speaker keeps one colour, chosen from the name.
    func speakerColor(_ name: String) -> Style.Color? {
        guard colors else { return nil }
        let palette: [Style.Color] = [.green, .magenta, .cyan, .yellow, .blue, .red]
        let sum = name.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF }
        return palette[sum % palette.count]
    }

    private func tint(_ color: Style.Color) -> Style.Color? { colors ? color : nil }
}
