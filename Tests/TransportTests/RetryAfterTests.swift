import Adapters
import Foundation
import PeerBot
import Testing

@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func retryAfterHeaderInSecondsOrAsAnHTTPDate() {
        #expect(RetryAfter.headerDelay("120", now: now) == .seconds(120))
        #expect(RetryAfter.headerDelay(" 1.5 ", now: now) == .milliseconds(1_500))
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT.
        #expect(RetryAfter.headerDelay("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.headerDelay("Tue, 14 Nov 2023 22:00:00 GMT", now: now) == .zero)
        #expect(RetryAfter.headerDelay("soon", now: now) == nil)
    }

    @Test func bodiesFromDiscordAndMatrix() {
        #expect(RetryAfter.bodyDelay(Data(#"{"retry_after": 0.25, "global": true}"#.utf8)) == .milliseconds(250))
        #expect(RetryAfter.bodyDelay(Data(#"{"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 2000}"#.utf8)) == .seconds(2))
        #expect(RetryAfter.bodyDelay(Data("not json".utf8)) == nil)
        #expect(RetryAfter.bodyDelay(Data("[1,2]".utf8)) == nil)
    }

    @Test func resetTimestampsAsEpochSecondsOrISO8601() {
        #expect(RetryAfter.resetDelay("1700000010.5", now: now) == .milliseconds(10_500))
        #expect(RetryAfter.resetDelay("2023-11-14T22:18:20.000Z", now: now) == .seconds(300))
        #expect(RetryAfter.resetDelay("2023-11-14T22:18:20Z", now: now) == .seconds(300))
        #expect(RetryAfter.resetDelay("yesterday", now: now) == nil)
    }

    @Test func theBestHintWinsAndEveryValueIsClamped() {
        let headers: HTTPHeaders = ["Retry-After": "2", "X-RateLimit-Reset-After": "9"]
        #expect(RetryAfter.delay(headers: headers, body: Data(#"{"retry_after": 1.25}"#.utf8), now: now) == .milliseconds(1_250))
        #expect(RetryAfter.delay(headers: headers, now: now) == .seconds(2))
        #expect(RetryAfter.delay(headers: ["X-RateLimit-Reset-After": "9"], now: now) == .seconds(9))
        #expect(RetryAfter.delay(headers: ["X-RateLimit-Reset": "2023-11-14T22:13:30Z"], now: now) == .seconds(10))
        #expect(RetryAfter.delay(headers: [:], now: now) == nil)
        #expect(RetryAfter.headerDelay("-5", now: now) == .zero)
        #expect(RetryAfter.headerDelay("99999999", now: now) == RetryAfter.maximum)
    }

    @Test func rateLimitHeadersFromDiscordAndMastodon() {
        let discord = RateLimitHeaders(headers: [
            "X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "1", "X-RateLimit-Reset-After": "1.2",
            "X-RateLimit-Bucket": "abcd1234", "X-RateLimit-Global": "true",
        ], now: now)
        #expect(discord == RateLimitHeaders(limit: 5, remaining: 1, resetAfter: .milliseconds(1_200), bucket: "abcd1234", isGlobal: true))
        let mastodon = RateLimitHeaders(headers: [
            "x-ratelimit-limit": "300", "x-ratelimit-remaining": "299", "x-ratelimit-reset": "2023-11-14T22:15:00.000Z",
        ], now: now)
        #expect(mastodon == RateLimitHeaders(limit: 300, remaining: 299, resetAfter: .seconds(100)))
        #expect(RateLimitHeaders(headers: ["X-RateLimit-Scope": "global"], now: now).isGlobal)
        #expect(RateLimitHeaders(headers: ["Content-Type": "text/plain"], now: now).isEmpty)
    }

    @Test func backoffFromTheCoreRespectsAServerHint() {
        // The transport reuses the core's ExponentialBackoff; a server's hint is a floor under it.
        let backoff = ExponentialBackoff(base: 1, cap: 60)
        #expect(backoff.retryDelay(attempt: 3, random: 0.5, hint: nil) == .seconds(4))
        #expect(backoff.retryDelay(attempt: 3, random: 0.5, hint: .seconds(10)) == .seconds(10))
        #expect(backoff.retryDelay(attempt: 20, random: 1, hint: nil) == .seconds(60))
        #expect(backoff.retryDelay(attempt: 0, random: 0, hint: nil) == .milliseconds(50))
    }
}
