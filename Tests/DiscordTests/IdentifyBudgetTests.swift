import Adapters
import Testing

@Suite struct IdentifyBudgetTests {
    @Test func oneIdentifyPerRateLimitKeyPerFiveSeconds() {
        var budget = IdentifyBudget(total: 1000, remaining: 1000, resetAfter: .seconds(86_400), maxConcurrency: 2, now: .zero)
        #expect(budget.reserve(shardID: 0, now: .zero) == .zero)
        #expect(budget.reserve(shardID: 1, now: .zero) == .zero, "another key starts at once")
        #expect(budget.reserve(shardID: 2, now: .seconds(1)) == .seconds(5), "same key as shard 0 waits for the window")
        #expect(budget.reserve(shardID: 0, now: .seconds(1)) == .seconds(10))
        #expect(budget.remaining == 996)
    }

    @Test func anExhaustedBudgetWaitsForTheReset() {
        var budget = IdentifyBudget(total: 3, remaining: 1, resetAfter: .seconds(600), maxConcurrency: 1, now: .zero)
        #expect(budget.reserve(shardID: 0, now: .zero) == .zero)
        #expect(budget.remaining == 0)
        #expect(budget.isLow)
        #expect(budget.reserve(shardID: 0, now: .seconds(30)) == .seconds(600))
        #expect(budget.remaining == 2, "renewed to the total, minus this one")
    }

    @Test func theConservativeDefaultIsOneAtATime() {
        var budget = IdentifyBudget.conservative(now: .zero)
        #expect(budget.reserve(shardID: 0, now: .zero) == .zero)
        #expect(budget.reserve(shardID: 1, now: .zero) == .seconds(5))
    }
}
