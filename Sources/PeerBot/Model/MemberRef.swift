/// A member of a space, as the platform identifies them.
public struct MemberRef: Hashable, Codable, Sendable {
    /// The platform the member is on.
    public var platform: Platform
    /// The platform's stable id (Discord snowflake, Matrix user id, Mastodon account id, console name).
    public var id: String
    /// How to show the member to others (`@alice`, `@alice:example.org`).
    public var handle: String

    public init(platform: Platform, id: String, handle: String? = nil) {
        self.platform = platform
        self.id = id
        self.handle = handle ?? id
    }

    /// The key under which the store files everything about this member.
    public var key: String { "\(platform.rawValue):\(id)" }

    /// Equality and hashing ignore the handle: display names change, ids do not.
    public static func == (lhs: MemberRef, rhs: MemberRef) -> Bool {
        lhs.platform == rhs.platform && lhs.id == rhs.id
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(platform)
        hasher.combine(id)
    }
}
