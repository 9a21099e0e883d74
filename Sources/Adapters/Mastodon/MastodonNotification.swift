import Foundation

/// The fields of a Mastodon `Notification` the adapter reads
/// (docs.joinmastodon.org/entities/Notification/). Unknown fields are ignored.
public struct MastodonNotification: Decodable, Sendable, Equatable {
    /// The notification id: the catch-up cursor and the deduplication key.
    public var id: String
    /// `mention`, `status`, `reblog`, `follow`, `favourite`, … (`NotificationTypeEnum`).
    public var type: String
    /// ISO 8601.
    public var createdAt: String
    /// Who caused the notification (for a mention: the author).
    public var account: MastodonAccount
    /// The status, for `mention` and other status-bearing types.
    public var status: MastodonStatus?

    public init(id: String, type: String, createdAt: String, account: MastodonAccount, status: MastodonStatus?) {
        self.id = id
        self.type = type
        self.createdAt = createdAt
        self.account = account
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case id, type, account, status
        case createdAt = "created_at"
    }

    /// True for a mention of the bot's account.
    public var isMention: Bool { type == "mention" }

    /// `createdAt` as a date; nil when the server sent something else.
    public var createdDate: Date? { MastodonTimestamp.parse(createdAt) }
}
