/// A shard configuration that cannot work.
public enum ShardPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    case shardOutOfRange(id: Int, count: Int)

    public var description: String {
        switch self {
        case .shardOutOfRange(let id, let count):
            "discord.shard_ids: shard \(id) does not exist with \(count) shard\(count == 1 ? "" : "s") (ids run from 0 to \(count - 1))"
        }
    }
}
