import Adapters
import Testing

/// gateway.mdx "Sharding", "Max Concurrency", "Session Start Limit Object".
@Suite struct ShardPlanTests {
    @Test func autoTakesTheRecommendedCountAndRunsEveryShard() throws {
        let plan = try ShardPlan(setting: .auto, shardIDs: [], recommended: 3, maxConcurrency: 1)
        #expect(plan.shardCount == 3)
        #expect(plan.shards.map(\.id) == [0, 1, 2])
        #expect(plan.shards.allSatisfy { $0.count == 3 })
    }

    @Test func aFixedCountWithASubsetRunsOnlyThoseShards() throws {
        let plan = try ShardPlan(setting: .fixed(8), shardIDs: [5, 2], recommended: 3, maxConcurrency: 1)
        #expect(plan.shardCount == 8)
        #expect(plan.shards == [ShardID(id: 2, count: 8), ShardID(id: 5, count: 8)])
    }

    @Test func aShardBeyondTheTotalIsAConfigurationError() {
        #expect(throws: ShardPlanError.shardOutOfRange(id: 4, count: 4)) {
            try ShardPlan(setting: .fixed(4), shardIDs: [4], recommended: nil, maxConcurrency: nil)
        }
        #expect(ShardPlanError.shardOutOfRange(id: 4, count: 4).description.contains("0 to 3"))
    }

    @Test func guildsRouteByTheDocumentedFormula() throws {
        // (guild_id >> 22) % num_shards
        let guild: UInt64 = 41_771_983_423_143_937
        #expect(ShardPlan.shard(forGuild: String(guild), count: 4) == Int((guild >> 22) % 4))
        #expect(ShardPlan.shard(forGuild: String(guild), count: 1) == 0)
        #expect(ShardPlan.shard(forGuild: nil, count: 4) == 0, "direct messages go to shard 0")
        let plan = try ShardPlan(setting: .fixed(4), shardIDs: [Int((guild >> 22) % 4)], recommended: nil, maxConcurrency: 1)
        #expect(plan.runs(guild: String(guild)))
    }

    @Test func shardsStartByConcurrencyBucketInOrder() throws {
        let plan = try ShardPlan(setting: .fixed(32), shardIDs: [], recommended: nil, maxConcurrency: 16)
        #expect(plan.startWaves.count == 2)
        #expect(plan.startWaves[0].map(\.id) == Array(0..<16))
        #expect(plan.startWaves[1].map(\.id) == Array(16..<32))
        #expect(plan.startDelay(of: ShardID(id: 3, count: 32)) == .zero)
        #expect(plan.startDelay(of: ShardID(id: 20, count: 32)) == .seconds(5))
        #expect(plan.rateLimitKey(of: ShardID(id: 20, count: 32)) == 4)
        let single = try ShardPlan(setting: .fixed(3), shardIDs: [], recommended: nil, maxConcurrency: 1)
        #expect(single.startWaves.map { $0.map(\.id) } == [[0], [1], [2]])
        #expect(single.startDelay(of: ShardID(id: 2, count: 3)) == .seconds(10))
    }
}
