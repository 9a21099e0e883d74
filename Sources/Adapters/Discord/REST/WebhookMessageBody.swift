/// A message sent through the interaction webhook: the data of a callback,
/// a follow-up, or an edit of the original response
/// (receiving-and-responding.mdx "Interaction Callback Data Structure", "Messages").
public struct WebhookMessageBody: Encodable, Sendable, Equatable {
    /// message.mdx "Message Flags": EPHEMERAL, only the invoking user sees the message.
    public static let ephemeralFlag = 1 << 6

    public var content: String?
    public var flags: Int?
    public var allowedMentions: AllowedMentions
    public var components: [ActionRow]?

    public init(content: String?, ephemeral: Bool, allowedMentions: AllowedMentions = .none, components: [ActionRow]? = nil) {
        self.content = content
        flags = ephemeral ? Self.ephemeralFlag : nil
        self.allowedMentions = allowedMentions
        self.components = components
    }

    enum CodingKeys: String, CodingKey {
        case content, flags, components
        case allowedMentions = "allowed_mentions"
    }
}
