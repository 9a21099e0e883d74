/// The chat platform an address or event belongs to.
///
/// A string-backed value rather than a closed enum, so an adapter added later
/// does not change the core's model.
public struct Platform: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let console = Platform(rawValue: "console")
    public static let discord = Platform(rawValue: "discord")
    public static let matrix = Platform(rawValue: "matrix")
    public static let mastodon = Platform(rawValue: "mastodon")

    public var description: String { rawValue }

    /// True where the adapter turns a ✅ reaction into an acknowledgement
    /// (Discord, Matrix). Mastodon has no reactions and the console no way to
    /// type one, so a page there offers only the command.
    public var acknowledgesByReaction: Bool { self == .discord || self == .matrix }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
