/// Someone who takes part in an episode.
public struct Person: Hashable, Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case host, guest, other
    }

    public var name: String
    public var role: Role
    /// A line about them, as the shownotes give it ("SWP's Korea Foundation Fellow …").
    public var about: String?

    public init(name: String, role: Role, about: String? = nil) {
        self.name = name
        self.role = role
        self.about = about
    }
}
