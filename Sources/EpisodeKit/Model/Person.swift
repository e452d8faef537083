/// Someone who takes part in an episode.
public struct Person: Hashable, Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case host, guest, other
    }

    public var name: String
    public var role: Role
    /// A line about them, as the shownotes give it ("SWP's Korea Foundation Fellow …").
    public var about: String?
    /// The role as the source writes it, when it is not simply host or
    /// guest (`cover art designer`, `producer`).
    public var roleName: String?
    /// A page about them (`podcast:person href`).
    public var link: String?

    public init(name: String, role: Role, about: String? = nil, roleName: String? = nil, link: String? = nil) {
        self.name = name
        self.role = role
        self.about = about
        self.roleName = roleName
        self.link = link
    }

    /// The role to show: as written, capitalised (`Cover art designer`), else host or guest.
    public var roleLabel: String {
        if let roleName, !roleName.isEmpty { return roleName.prefix(1).uppercased() + roleName.dropFirst() }
        switch role {
        case .host: return "Host"
        case .guest: return "Guest"
        case .other: return "With"
        }
    }
}
