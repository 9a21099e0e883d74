/// The body of `POST /api/v1/statuses` (docs.joinmastodon.org/methods/statuses/#create),
/// sent as JSON. PeerBot only ever posts direct statuses.
struct MastodonStatusRequest: Encodable, Sendable, Equatable {
    var status: String
    /// Always `direct`: the status reaches only the accounts it mentions.
    var visibility = "direct"
    var inReplyToID: String?

    enum CodingKeys: String, CodingKey {
        case status, visibility
        case inReplyToID = "in_reply_to_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(visibility, forKey: .visibility)
        try container.encodeIfPresent(inReplyToID, forKey: .inReplyToID)
    }
}
