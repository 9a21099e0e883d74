/// `shards = "auto" | N`: how many shards the bot runs in total.
public enum ShardCountSetting: Sendable, Equatable {
    /// The count `GET /gateway/bot` recommends (gateway.mdx "Get Gateway Bot").
    case auto
    /// A fixed total, e.g. when several processes split the shards between them.
    case fixed(Int)
}
