/// An option value of an application command interaction
/// (receiving-and-responding.mdx "Application Command Interaction Data Option Structure").
public struct DiscordCommandOption: Decodable, Sendable, Equatable {
    public var name: String
    public var type: Int
    public var value: JSONScalar?
    /// Nested options of a subcommand.
    public var options: [DiscordCommandOption]?
}
