/// The body of Create Message (message.mdx "Create Message" JSON params).
public struct MessageCreateBody: Encodable, Sendable, Equatable {
    public var content: String
    /// Up to 25 characters; with `enforceNonce` Discord returns the message
    /// already created with this nonce instead of posting it again.
    public var nonce: String?
    public var enforceNonce: Bool?
    public var allowedMentions: AllowedMentions
    public var components: [ActionRow]?

    public init(content: String, nonce: String?, allowedMentions: AllowedMentions = .none, components: [ActionRow]? = nil) {
        self.content = content
        self.nonce = nonce
        enforceNonce = nonce == nil ? nil : true
        self.allowedMentions = allowedMentions
        self.components = components
    }

    enum CodingKeys: String, CodingKey {
        case content, nonce, components
        case enforceNonce = "enforce_nonce"
        case allowedMentions = "allowed_mentions"
    }
}
