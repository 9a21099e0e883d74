import Adapters
import Foundation
import Testing

@Suite struct BucketRateLimiterTests {
    let route = "POST /channels/{channel.id}/messages"

    @Test func anUnknownRouteIsAllowedAndAnExhaustedOneWaitsForItsReset() async throws {
        let clock = ManualTransportClock()
        let limiter = BucketRateLimiter(clock: clock)
        #expect(try await !limiter.acquire(route: route, scope: "1"), "allowed at once")
        await limiter.update(route: route, scope: "1", status: 200,
            headers: RateLimitHeaders(limit: 5, remaining: 0, resetAfter: .seconds(2), bucket: "abcd"))
        let waiter = Task { try await limiter.acquire(route: route, scope: "1") }
        try await eventually("waiter queued") { await limiter.waitingCount == 1 }
        clock.advance(by: .milliseconds(1_999))
        #expect(await limiter.waitingCount == 1)
        clock.advance(by: .milliseconds(1))
        #expect(try await waiter.value, "it waited its turn")
        // After the reset the bucket is refilled to its limit (5): four more go at once.
        for _ in 0..<4 { try await limiter.acquire(route: route, scope: "1") }
        #expect(await limiter.waitingCount == 0)
    }

    @Test func routesSharingABucketShareItsLimitPerScope() async throws {
        let clock = ManualTransportClock()
        let limiter = BucketRateLimiter(clock: clock)
        let edit = "PATCH /channels/{channel.id}/messages/{message.id}"
        await limiter.update(route: route, scope: "1", status: 200, headers: RateLimitHeaders(limit: 5, remaining: 0, resetAfter: .seconds(3), bucket: "shared"))
        await limiter.update(route: edit, scope: "2", status: 200, headers: RateLimitHeaders(limit: 5, remaining: 4, resetAfter: .seconds(3), bucket: "shared"))
        // Same bucket, same scope: blocked. Same bucket, another scope: free.
        let blocked = Task { try await limiter.acquire(route: edit, scope: "1") }
        try await eventually("blocked") { await limiter.waitingCount == 1 }
        try await limiter.acquire(route: route, scope: "2")
        clock.advance(by: .seconds(3))
        #expect(try await blocked.value, "it waited its turn")
    }

    @Test func a429BlocksItsRouteAndAGlobal429BlocksEverything() async throws {
        let clock = ManualTransportClock()
        let limiter = BucketRateLimiter(clock: clock)
        let other = "GET /users/@me"
        await limiter.update(route: route, status: 429, headers: RateLimitHeaders(), retryAfter: .seconds(5))
        let blocked = Task { try await limiter.acquire(route: route) }
        try await eventually("route blocked") { await limiter.waitingCount == 1 }
        try await limiter.acquire(route: other)  // another route is unaffected

        await limiter.update(route: other, status: 429, headers: RateLimitHeaders(isGlobal: true), retryAfter: .seconds(10))
        let globallyBlocked = Task { try await limiter.acquire(route: "GET /gateway/bot") }
        try await eventually("global block") { await limiter.waitingCount == 2 }
        clock.advance(by: .seconds(5))
        // The route's own wait is over, but the global block (10 s) still holds it.
        #expect(await limiter.waitingCount == 2)
        clock.advance(by: .seconds(5))
        #expect(try await blocked.value, "it waited its turn")
        #expect(try await globallyBlocked.value, "it waited its turn")
    }

    @Test func theGlobalCeilingHoldsAcrossRoutes() async throws {
        let clock = ManualTransportClock()
        let limiter = BucketRateLimiter(globalLimit: 3, globalWindow: .seconds(1), clock: clock)
        for index in 0..<3 { try await limiter.acquire(route: "GET /route/\(index)") }
        let fourth = Task { try await limiter.acquire(route: "GET /route/4") }
        try await eventually("over the ceiling") { await limiter.waitingCount == 1 }
        clock.advance(by: .seconds(1))
        #expect(try await fourth.value, "it waited its turn")
    }

    @Test func urgentRequestsHaveTheirOwnShareOfTheGlobalCeiling() async throws {
        let clock = ManualTransportClock()
        let limiter = BucketRateLimiter(globalLimit: 5, globalWindow: .seconds(1), urgentReserve: 2, clock: clock)
        // Normal traffic (bulk sends to many channels) uses its share of 3 …
        for index in 0..<3 { try await limiter.acquire(route: "POST /channels/\(index)/messages") }
        let bulk = Task { try await limiter.acquire(route: "POST /channels/9/messages", priority: .normal) }
        try await eventually("bulk over its share") { await limiter.waitingCount == 1 }
        // … and pages still go at once, up to the reserve, while the bulk send waits.
        #expect(try await limiter.acquire(route: route, scope: "facilitators", priority: .urgent) == false, "no wait")
        #expect(try await limiter.acquire(route: route, scope: "facilitators", priority: .urgent) == false, "no wait")
        #expect(await limiter.waitingCount == 1)
        let third = Task { try await limiter.acquire(route: route, scope: "facilitators", priority: .urgent) }
        try await eventually("the reserve is used up too") { await limiter.waitingCount == 2 }
        clock.advance(by: .seconds(1))
        #expect(try await third.value, "waited for the window")
        #expect(try await bulk.value, "waited for the window")
    }

    @Test func urgentRequestsGoFirstOnAnExhaustedBucket() async throws {
        let clock = ManualTransportClock()
        let limiter = BucketRateLimiter(clock: clock)
        await limiter.update(route: route, status: 200, headers: RateLimitHeaders(limit: 1, remaining: 0, resetAfter: .seconds(1)))
        let order = Recorder<String>()
        let normal = Task {
            try await limiter.acquire(route: route, priority: .normal)
            await order.append("normal")
        }
        try await eventually("normal queued") { await limiter.waitingCount == 1 }
        let page = Task {
            try await limiter.acquire(route: route, priority: .urgent)
            await order.append("page")
        }
        try await eventually("page queued") { await limiter.waitingCount == 2 }
        clock.advance(by: .seconds(1))
        try await page.value
        // The bucket allows one request per reset: the normal one waits for the next.
        await limiter.update(route: route, status: 200, headers: RateLimitHeaders(limit: 1, remaining: 0, resetAfter: .seconds(1)))
        clock.advance(by: .seconds(1))
        try await normal.value
        #expect(await order.values == ["page", "normal"])
    }

    @Test func urgentTrafficIsNotHeldBehindNormalTrafficOnOtherBuckets() async throws {
        let clock = ManualTransportClock()
        let limiter = BucketRateLimiter(clock: clock)
        await limiter.update(route: route, scope: "general", status: 200, headers: RateLimitHeaders(limit: 1, remaining: 0, resetAfter: .seconds(30)))
        let normal = Task { try await limiter.acquire(route: route, scope: "general") }
        try await eventually("normal queued") { await limiter.waitingCount == 1 }
        // A page to the facilitators' channel is another scope: it goes at once.
        try await limiter.acquire(route: route, scope: "facilitators", priority: .urgent)
        normal.cancel()
        await #expect(throws: CancellationError.self) { try await normal.value }
    }

    @Test func aResponseIsReadForHeadersAndRetryHints() async throws {
        let clock = ManualTransportClock()
        let limiter = BucketRateLimiter(clock: clock)
        let response = HTTPResponse(
            status: 429,
            headers: ["Retry-After": "3", "X-RateLimit-Bucket": "xyz", "X-RateLimit-Scope": "user"],
            body: Data(#"{"message": "You are being rate limited.", "retry_after": 2.5, "global": false}"#.utf8))
        await limiter.update(route: route, response: response, now: Date())
        let waiter = Task { try await limiter.acquire(route: route) }
        try await eventually("waiter queued") { await limiter.waitingCount == 1 }
        clock.advance(by: .milliseconds(2_400))
        #expect(await limiter.waitingCount == 1)
        clock.advance(by: .milliseconds(100))
        #expect(try await waiter.value, "it waited its turn")
    }
}
