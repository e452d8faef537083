import Foundation

/// The episodes that ship with podread.
public enum BundledEpisodes {
    /// The SWP podcast page about North Korea, opened when no episode is named.
    public static var sample: URL? {
        Bundle.module.url(forResource: "swp-north-korea-security-threat", withExtension: "txt")
    }
}
