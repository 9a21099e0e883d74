import Adapters
import Testing

@Suite struct SlidingWindowLimiterTests {
    @Test func allowsTheLimitPerWindowThenWaitsForTheOldestToLeave() async throws {
        let clock = ManualTransportClock()
        let limiter = SlidingWindowLimiter(limit: 3, window: .seconds(10), clock: clock)
        #expect(await limiter.tryAcquire())
        clock.advance(by: .seconds(4))
        #expect(await limiter.tryAcquire())
        #expect(await limiter.tryAcquire())
        #expect(await !limiter.tryAcquire())

        let waiter = Task { try await limiter.acquire() }
        try await eventually("waiter queued") { await limiter.waitingCount == 1 }
        clock.advance(by: .seconds(5))  // t = 9 s: the first send (t = 0) is still in the window
        #expect(await limiter.waitingCount == 1)
        clock.advance(by: .seconds(1))  // t = 10 s: it leaves
        #expect(try await waiter.value, "it waited its turn")
        #expect(await limiter.waitingCount == 0)
        #expect(await limiter.usedCount == 3)
    }

    @Test func urgentCallersAreGrantedBeforeWaitingNormalOnes() async throws {
        let clock = ManualTransportClock()
        let limiter = SlidingWindowLimiter(limit: 1, window: .seconds(60), clock: clock)
        #expect(await limiter.tryAcquire())
        let order = Recorder<String>()
        let normal = Task {
            try await limiter.acquire(priority: .normal)
            await order.append("normal")
        }
        try await eventually("normal queued") { await limiter.waitingCount == 1 }
        let urgent = Task {
            try await limiter.acquire(priority: .urgent)
            await order.append("urgent")
        }
        try await eventually("urgent queued") { await limiter.waitingCount == 2 }
        clock.advance(by: .seconds(60))
        try await urgent.value
        #expect(await limiter.waitingCount == 1)
        clock.advance(by: .seconds(60))
        try await normal.value
        #expect(await order.values == ["urgent", "normal"])
    }

    @Test func theUrgentReserveIsNeverUsedByNormalTraffic() async {
        let clock = ManualTransportClock()
        let limiter = SlidingWindowLimiter(limit: 4, window: .seconds(60), urgentReserve: 2, clock: clock)
        #expect(await limiter.tryAcquire(priority: .normal))
        #expect(await limiter.tryAcquire(priority: .normal))
        #expect(await !limiter.tryAcquire(priority: .normal))
        #expect(await limiter.tryAcquire(priority: .urgent))
        #expect(await limiter.tryAcquire(priority: .urgent))
        #expect(await !limiter.tryAcquire(priority: .urgent))
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let clock = ManualTransportClock()
        let limiter = SlidingWindowLimiter(limit: 1, window: .seconds(60), clock: clock)
        #expect(await limiter.tryAcquire())
        let waiter = Task { try await limiter.acquire() }
        try await eventually("waiter queued") { await limiter.waitingCount == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        try await eventually("waiter removed") { await limiter.waitingCount == 0 }
        clock.advance(by: .seconds(60))
        #expect(await limiter.tryAcquire())
    }

    @Test func gatewayShapedLimitLetsHeartbeatsThroughAFlood() async throws {
        // Discord: 120 gateway sends per 60 s; keep a few for heartbeats.
        let clock = ManualTransportClock()
        let limiter = SlidingWindowLimiter(limit: 120, window: .seconds(60), urgentReserve: 3, clock: clock)
        var normalSent = 0
        while await limiter.tryAcquire(priority: .normal) { normalSent += 1 }
        #expect(normalSent == 117)
        try await limiter.acquire(priority: .urgent)  // a heartbeat goes at once
        #expect(await limiter.usedCount == 118)
    }
}
