/// One shard: `[shard_id, num_shards]` in Identify (gateway.mdx "Sharding").
public struct ShardID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var id: Int
    public var count: Int

    public init(id: Int, count: Int) {
        self.id = id
        self.count = count
    }

    public static func < (lhs: ShardID, rhs: ShardID) -> Bool { lhs.id < rhs.id }

    public var description: String { "\(id)/\(count)" }
}
