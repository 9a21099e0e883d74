/// Which shards this process runs and when each may start (gateway.mdx
/// "Sharding", "Max Concurrency").
///
/// The total comes from `shards` (a number, or `"auto"`: the count `GET
/// /gateway/bot` recommends); `shard_ids` picks the ones this process runs.
/// Shards start by rate-limit bucket in order: bucket `id / max_concurrency`,
/// one bucket per 5-second identify window.
public struct ShardPlan: Sendable, Equatable {
    /// The identify window of `max_concurrency` (gateway.mdx "Session Start Limit Object").
    public static let identifyWindow: Duration = .seconds(5)

    /// Shards in total (`num_shards`).
    public let shardCount: Int
    /// The shards this process runs, ascending.
    public let shards: [ShardID]
    /// Identifies allowed at once per window.
    public let maxConcurrency: Int

    /// - Throws: a message for the admin when `shard_ids` names a shard beyond the total.
    public init(setting: ShardCountSetting, shardIDs: [Int], recommended: Int?, maxConcurrency: Int?) throws(ShardPlanError) {
        let count: Int
        switch setting {
        case .fixed(let fixed): count = fixed
        case .auto: count = max(recommended ?? 1, 1)
        }
        let ids = shardIDs.isEmpty ? Array(0..<count) : shardIDs.sorted()
        if let bad = ids.first(where: { $0 < 0 || $0 >= count }) {
            throw .shardOutOfRange(id: bad, count: count)
        }
        shardCount = count
        shards = ids.map { ShardID(id: $0, count: count) }
        self.maxConcurrency = max(maxConcurrency ?? 1, 1)
    }

    /// The shard that receives a guild's events: `(guild_id >> 22) % num_shards`.
    /// Events without a guild (direct messages) go to shard 0.
    public static func shard(forGuild guildID: String?, count: Int) -> Int {
        guard count > 1, let guildID, let value = UInt64(guildID) else { return 0 }
        return Int((value >> 22) % UInt64(count))
    }

    /// True when this process runs the shard that receives `guildID`'s events.
    public func runs(guild guildID: String?) -> Bool {
        let target = Self.shard(forGuild: guildID, count: shardCount)
        return shards.contains { $0.id == target }
    }

    /// The shard's rate-limit key: `shard_id % max_concurrency`.
    public func rateLimitKey(of shard: ShardID) -> Int { shard.id % maxConcurrency }

    /// Shards grouped into start waves: a wave is one `max_concurrency` bucket
    /// (`shard_id / max_concurrency`), waves in bucket order.
    public var startWaves: [[ShardID]] {
        var waves: [[ShardID]] = []
        var currentBucket: Int?
        for shard in shards {
            let bucket = shard.id / maxConcurrency
            if bucket == currentBucket {
                waves[waves.count - 1].append(shard)
            } else {
                waves.append([shard])
                currentBucket = bucket
            }
        }
        return waves
    }

    /// How long after the first wave a shard starts: one identify window per wave before it.
    public func startDelay(of shard: ShardID) -> Duration {
        let wave = startWaves.firstIndex { $0.contains(shard) } ?? 0
        return Self.identifyWindow * wave
    }
}
