import Adapters
import Foundation
import Testing

/// Rate-limit header handling with a virtual clock.
@Suite struct MastodonRateLimitTests {
    let now = Date(timeIntervalSince1970: 1_792_000_000)

    func headers(_ fields: [String: String]) -> (String) -> String? {
        let lowered = Dictionary(uniqueKeysWithValues: fields.map { ($0.key.lowercased(), $0.value) })
        return { lowered[$0.lowercased()] }
    }

    func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    @Test func recordedHeadersAreRead() throws {
        // test_status_post[None-direct].yaml: remaining 216 of 300, reset as an ISO 8601 timestamp.
        let recorded = try Cassettes.interaction("test_status_post[None-direct].yaml", uriContaining: "/api/v1/statuses", method: "POST")
        #expect(recorded.headers["x-ratelimit-reset"] == "2026-10-14T21:00:00.864930Z")
        var limit = MastodonRateLimit()
        // The recording has no Date header: the reset is taken as on our clock; "now" is when the status was created.
        #expect(recorded.headers["date"] == nil)
        let recordedNow = try #require(MastodonTimestamp.parse("2026-10-14T19:07:50.837Z"))
        let wait = limit.record(status: recorded.status, header: { recorded.headers[$0.lowercased()] }, now: recordedNow)
        #expect(wait == nil)
        #expect(limit.limit == 300)
        #expect(limit.remaining == 216)
        #expect(limit.delay(now: recordedNow) == 0)
        let reset = try #require(MastodonTimestamp.parse("2026-10-14T21:00:00.864930Z"))
        let resetAt = try #require(limit.resetAt)
        #expect(abs(resetAt.timeIntervalSince(reset)) < 0.001)
    }

    @Test func a429WaitsUntilTheReset() {
        var limit = MastodonRateLimit()
        let wait = limit.record(
            status: 429,
            header: headers(["X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": iso(now.addingTimeInterval(42))]),
            now: now)
        #expect(wait == 42)
        #expect(limit.delay(now: now) == 42)
        #expect(limit.delay(now: now.addingTimeInterval(40)) == 2)
        #expect(limit.delay(now: now.addingTimeInterval(42)) == 0)
    }

    @Test func theResetIsReadAgainstTheServersDateHeader() {
        // The server's clock is 10 minutes ahead of ours: the wait is what the server meant.
        var limit = MastodonRateLimit()
        let serverNow = now.addingTimeInterval(600)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let dateHeader = formatter.string(from: serverNow)
        let wait = limit.record(
            status: 429, header: headers(["X-RateLimit-Reset": iso(serverNow.addingTimeInterval(30)), "Date": dateHeader]), now: now)
        #expect(wait == 30)
    }

    @Test func nothingRemainingBlocksUntilTheReset() {
        var limit = MastodonRateLimit()
        limit.record(
            status: 200, header: headers(["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": iso(now.addingTimeInterval(90))]), now: now)
        #expect(limit.delay(now: now) == 90)
        limit.willSend(now: now.addingTimeInterval(90))
        limit.record(
            status: 200, header: headers(["X-RateLimit-Remaining": "299", "X-RateLimit-Reset": iso(now.addingTimeInterval(390))]),
            now: now.addingTimeInterval(90))
        #expect(limit.delay(now: now.addingTimeInterval(90)) == 0)
    }

    @Test func a429WithoutHintsWaitsTheDefaultOrRetryAfter() {
        var bare = MastodonRateLimit()
        #expect(bare.record(status: 429, header: headers([:]), now: now) == MastodonRateLimit.defaultWait)
        var withRetryAfter = MastodonRateLimit()
        #expect(withRetryAfter.record(status: 429, header: headers(["Retry-After": "7"]), now: now) == 7)
        // A reset already past (clock skew) still waits a second: no retry loop.
        var past = MastodonRateLimit()
        #expect(past.record(status: 429, header: headers(["X-RateLimit-Reset": iso(now.addingTimeInterval(-5))]), now: now) == 1)
    }

    @Test func absurdResetsAreCapped() {
        var limit = MastodonRateLimit()
        let wait = limit.record(status: 429, header: headers(["X-RateLimit-Reset": "2099-01-01T00:00:00Z"]), now: now)
        #expect(wait == MastodonRateLimit.maximumWait)
        var garbage = MastodonRateLimit()
        #expect(garbage.record(status: 429, header: headers(["X-RateLimit-Reset": "soon", "X-RateLimit-Remaining": "lots"]), now: now) == 60)
    }

    @Test func theClientKeepsItsOwnCeilingOf300In5Minutes() {
        var limit = MastodonRateLimit()
        for second in 0..<300 { limit.willSend(now: now.addingTimeInterval(Double(second) * 0.5)) }
        let later = now.addingTimeInterval(150)
        // The 301st request waits until the first leaves the 5-minute window.
        #expect(limit.delay(now: later, priority: .urgent) == 150)
        #expect(limit.delay(now: now.addingTimeInterval(300.5), priority: .urgent) == 0)
        // A normal one waits until all but 269 have left it (30 are kept for urgent requests).
        #expect(limit.delay(now: later, priority: .normal) == 165)
    }

    @Test func urgentRequestsHaveTheirOwnShareOfTheClientsCeiling() {
        var limit = MastodonRateLimit()
        for second in 0..<270 { limit.willSend(now: now.addingTimeInterval(Double(second))) }
        let later = now.addingTimeInterval(270)
        // Normal traffic has used its share: it waits until its oldest request leaves the window …
        #expect(limit.delay(now: later, priority: .normal) == 30)
        // … while pages and acknowledgements still go at once, 30 of them.
        for page in 0..<30 {
            #expect(limit.delay(now: later, priority: .urgent) == 0, "page \(page)")
            limit.willSend(now: later)
        }
        #expect(limit.delay(now: later, priority: .urgent) == 30)
    }

    @Test func theLastRequestsTheServerAllowsAreKeptForUrgentOnes() {
        var limit = MastodonRateLimit()
        limit.record(
            status: 200, header: headers(["X-RateLimit-Remaining": "12", "X-RateLimit-Reset": iso(now.addingTimeInterval(120))]), now: now)
        #expect(limit.delay(now: now, priority: .normal) == 120)
        #expect(limit.delay(now: now, priority: .urgent) == 0)
        #expect(limit.delay(now: now.addingTimeInterval(120), priority: .normal) == 0, "a new window")
        // A 429 stops both lanes: the server refuses everything until the reset.
        limit.record(status: 429, header: headers(["X-RateLimit-Reset": iso(now.addingTimeInterval(60))]), now: now)
        #expect(limit.delay(now: now, priority: .urgent) == 60)
    }
}
