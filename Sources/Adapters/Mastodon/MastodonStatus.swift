/// The fields of a Mastodon `Status` the adapter reads
/// (docs.joinmastodon.org/entities/Status/). Unknown fields are ignored.
public struct MastodonStatus: Decodable, Sendable, Equatable {
    public var id: String
    /// The status as HTML (`MastodonHTMLText` turns it into plain text).
    public var content: String
    /// `public`, `unlisted`, `private` or `direct`.
    public var visibility: String
    public var inReplyToID: String?
    public var account: MastodonAccount
    /// The accounts the status mentions.
    public var mentions: [MastodonMention]
    /// ISO 8601, e.g. `2026-10-15T19:10:41.450Z`.
    public var createdAt: String

    public init(
        id: String, content: String, visibility: String = "direct", inReplyToID: String? = nil,
        account: MastodonAccount, mentions: [MastodonMention] = [], createdAt: String
    ) {
        self.id = id
        self.content = content
        self.visibility = visibility
        self.inReplyToID = inReplyToID
        self.account = account
        self.mentions = mentions
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, content, visibility, account, mentions
        case inReplyToID = "in_reply_to_id"
        case createdAt = "created_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        content = try container.decodeIfPresent(String.self, forKey: .content) ?? ""
        visibility = try container.decodeIfPresent(String.self, forKey: .visibility) ?? "public"
        inReplyToID = try container.decodeIfPresent(String.self, forKey: .inReplyToID)
        account = try container.decode(MastodonAccount.self, forKey: .account)
        mentions = try container.decodeIfPresent([MastodonMention].self, forKey: .mentions) ?? []
        createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt) ?? ""
    }
}
