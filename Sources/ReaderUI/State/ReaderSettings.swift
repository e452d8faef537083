import EpisodeKit

/// What a person can change in `config.toml`: keys, colours, layout.
public struct ReaderSettings: Sendable, Equatable {
    public var keymap: Keymap = .standard
    public var appearance = Appearance()
    public var layout: LayoutPreference = .auto
    /// The format `y` copies in until `Y` changes it.
    public var quoteFormat: QuoteFormat = .plain
    /// The widest a line of text runs, in columns, however wide the
    /// terminal (0: as wide as the pane). Long lines are hard to read.
    public var measure = 100

    public init() {}
}

/// Colours for the parts of the screen that use them.
public struct Appearance: Sendable, Equatable {
    /// Off with `NO_COLOR`, `--no-color` or `colors.enabled = false`.
    public var colors = true
    public var accent: Style.Color = .cyan
    public var marker: Style.Color = .yellow
    public var link: Style.Color = .blue
    public var chapter: Style.Color = .yellow
    public var warning: Style.Color = .yellow

    public init() {}
}

/// How panes are arranged.
public enum LayoutPreference: String, Sendable, CaseIterable {
    /// Side by side when wider than 60 columns, one at a time otherwise.
    case auto
    /// Always one pane at a time (Tab switches).
    case single
    /// Side by side whenever the screen is big enough at all.
    case split
}
