/// `GET /gateway/bot` (gateway.mdx "Get Gateway Bot").
public struct GatewayBotInfo: Decodable, Sendable, Equatable {
    /// gateway.mdx "Session Start Limit Object".
    public struct SessionStartLimit: Decodable, Sendable, Equatable {
        public var total: Int
        public var remaining: Int
        /// Milliseconds until `remaining` resets.
        public var resetAfter: Int
        /// Identifies allowed per 5 seconds.
        public var maxConcurrency: Int

        enum CodingKeys: String, CodingKey {
            case total, remaining
            case resetAfter = "reset_after"
            case maxConcurrency = "max_concurrency"
        }
    }

    public var url: String
    /// The recommended number of shards.
    public var shards: Int
    public var sessionStartLimit: SessionStartLimit

    enum CodingKeys: String, CodingKey {
        case url, shards
        case sessionStartLimit = "session_start_limit"
    }
}
