/// READY dispatch data (gateway-events.mdx "Ready").
public struct ReadyPayload: Decodable, Sendable, Equatable {
    /// The partial application object: its `id` is where slash commands are registered.
    public struct Application: Decodable, Sendable, Equatable {
        public var id: String
    }

    public var v: Int?
    public var user: DiscordUser
    public var sessionID: String
    public var resumeGatewayURL: String
    public var shard: [Int]?
    public var application: Application?

    enum CodingKeys: String, CodingKey {
        case v, user, shard, application
        case sessionID = "session_id"
        case resumeGatewayURL = "resume_gateway_url"
    }
}
