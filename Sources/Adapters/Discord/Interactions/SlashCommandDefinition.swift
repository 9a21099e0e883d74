/// One chat-input command for bulk overwrite (application-commands.mdx
/// "Application Command Structure", "Application Command Option Structure").
public struct SlashCommandDefinition: Encodable, Sendable, Equatable {
    /// A string option (option type 3).
    public struct Option: Encodable, Sendable, Equatable {
        public let type = 3
        public var name: String
        public var description: String
        public var required: Bool

        enum CodingKeys: String, CodingKey {
            case type, name, description, required
        }
    }

    /// CHAT_INPUT.
    public let type = 1
    public var name: String
    public var description: String
    public var options: [Option]
    /// Interaction contexts (GUILD 0, BOT_DM 1), only for global commands.
    public var contexts: [Int]?

    enum CodingKeys: String, CodingKey {
        case type, name, description, options, contexts
    }
}
