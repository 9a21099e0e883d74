/// Which mentions in a message may notify anyone (message.mdx "Allowed
/// Mentions Object"). PeerBot sends this with every message: `parse` is
/// always empty, so text such as "@everyone" or a pasted `<@id>` in a quoted
/// note never pings; only a page lists the users and roles it means to notify.
public struct AllowedMentions: Encodable, Sendable, Equatable {
    public var parse: [String]
    public var users: [String]?
    public var roles: [String]?
    public var repliedUser: Bool?

    /// Nothing pings.
    public static let none = AllowedMentions(parse: [], users: nil, roles: nil, repliedUser: false)

    /// Exactly these users and roles may be pinged (at most 100 of each, message.mdx).
    public static func only(users: [String], roles: [String]) -> AllowedMentions {
        AllowedMentions(
            parse: [], users: Array(unique(users).prefix(100)), roles: Array(unique(roles).prefix(100)), repliedUser: false)
    }

    enum CodingKeys: String, CodingKey {
        case parse, users, roles
        case repliedUser = "replied_user"
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
