/// What a member may do. Roles come from the platform (configured role ids,
/// power levels, account lists) and are attached to each event by its adapter.
public enum Role: Int, Comparable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case member = 0
    case facilitator = 1
    case admin = 2

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .member: "member"
        case .facilitator: "facilitator"
        case .admin: "admin"
        }
    }
}
