import Foundation
import PeerBot
import Testing
@testable import Adapters

/// The sync loop's decisions, driven by a virtual clock and fixed jitter draws.
@Suite struct MatrixSyncStateTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theFirstSyncEverReturnsAtOnceAndLaterOnesLongPoll() {
        var state = MatrixSyncState(since: nil, syncTimeout: 30)
        #expect(state.isInitialSync)
        #expect(state.next(now: start) == .sync(.init(since: nil, timeout: 0, fullState: false)))
        state.record(.synced(nextBatch: "s1"), now: start, random: 0.5)
        #expect(!state.isInitialSync)
        #expect(state.next(now: start) == .sync(.init(since: "s1", timeout: 30, fullState: false)))
    }

    @Test func aRestartResumesFromTheStoredPositionWithFullStateOnce() {
        var state = MatrixSyncState(since: "s41", syncTimeout: 30)
        #expect(!state.isInitialSync)
        #expect(state.next(now: start) == .sync(.init(since: "s41", timeout: 30, fullState: true)))
        state.record(.failed("connection refused"), now: start, random: 0)
        #expect(state.next(now: start.addingTimeInterval(1)) == .sync(.init(since: "s41", timeout: 0, fullState: true)))
        state.record(.synced(nextBatch: "s42"), now: start.addingTimeInterval(1), random: 0)
        // Back to long-polling once a sync succeeded.
        #expect(state.next(now: start.addingTimeInterval(1)) == .sync(.init(since: "s42", timeout: 30, fullState: false)))
    }

    @Test func failuresBackOffExponentiallyWithJitterUpToTheCap() {
        let backoff = ExponentialBackoff(base: 1, cap: 8, floor: 0.5)
        var state = MatrixSyncState(since: "s1", backoff: backoff)
        var now = start
        var waits: [TimeInterval] = []
        for _ in 0..<6 {
            state.record(.failed("HTTP 502"), now: now, random: 1)
            guard case .wait(let seconds) = state.next(now: now) else {
                Issue.record("expected a wait")
                return
            }
            waits.append(seconds)
            now = now.addingTimeInterval(seconds)
            // Once the wait is over the loop tries again (still from the same position),
            // without long-polling, so it learns at once that the server is back.
            #expect(state.next(now: now) == .sync(.init(since: "s1", timeout: 0, fullState: true)))
        }
        #expect(waits == [1, 2, 4, 8, 8, 8])
        #expect(state.consecutiveFailures == 6)
    }

    @Test func jitterSpreadsTheWaitsBelowTheCeiling() {
        var low = MatrixSyncState(since: "s1", backoff: ExponentialBackoff(base: 2, cap: 300, floor: 0.5))
        var high = low
        for _ in 0..<3 {
            low.record(.failed("x"), now: start, random: 0.1)
            high.record(.failed("x"), now: start, random: 0.9)
        }
        // 0.1 × 2 × 2² and 0.9 × 2 × 2² (Date arithmetic rounds in the last bits).
        #expect(abs(wait(low) - 0.8) < 1e-6)
        #expect(abs(wait(high) - 7.2) < 1e-6)
        // The floor keeps a zero draw from spinning.
        var zero = MatrixSyncState(since: "s1", backoff: ExponentialBackoff(base: 2, cap: 300, floor: 0.5))
        zero.record(.failed("x"), now: start, random: 0)
        #expect(zero.next(now: start) == .wait(0.5))
    }

    func wait(_ state: MatrixSyncState) -> TimeInterval {
        guard case .wait(let seconds) = state.next(now: start) else { return -1 }
        return seconds
    }

    @Test func aRateLimitWaitsExactlyWhatTheServerAsked() {
        var state = MatrixSyncState(since: "s1")
        state.record(.rateLimited(retryAfter: 12.5), now: start, random: 0.99)
        #expect(state.next(now: start) == .wait(12.5))
        #expect(state.next(now: start.addingTimeInterval(12)) == .wait(0.5))
        #expect(state.next(now: start.addingTimeInterval(12.5)) == .sync(.init(since: "s1", timeout: 0, fullState: true)))
        // Without a hint the backoff applies.
        state.record(.rateLimited(retryAfter: nil), now: start, random: 1)
        #expect(state.next(now: start) == .wait(2))
    }

    @Test func successResetsTheBackoff() {
        var state = MatrixSyncState(since: "s1", backoff: ExponentialBackoff(base: 1, cap: 300, floor: 0.5))
        for _ in 0..<5 { state.record(.failed("x"), now: start, random: 1) }
        state.record(.synced(nextBatch: "s2"), now: start, random: 1)
        #expect(state.consecutiveFailures == 0)
        state.record(.failed("x"), now: start, random: 1)
        #expect(state.next(now: start) == .wait(1))
    }

    @Test func anUnknownTokenStopsForGoodWithTheFix() {
        var state = MatrixSyncState(since: "s1")
        let reason = MatrixStopReason.unknownToken(userID: "@peerbot:example.org", errcode: "M_UNKNOWN_TOKEN")
        state.record(.fatal(reason), now: start, random: 0)
        #expect(state.next(now: start) == .stop(reason))
        #expect(state.next(now: start.addingTimeInterval(86_400)) == .stop(reason))
        #expect(reason.description.contains("M_UNKNOWN_TOKEN"))
        #expect(reason.description.contains("matrix.access_token"))
    }

    @Test func failuresAreClassifiedFromStatusAndErrcode() {
        func classify(_ status: Int, _ body: String, retryAfter: TimeInterval? = nil) -> MatrixFailure {
            MatrixFailure.classify(status: status, body: Data(body.utf8), retryAfter: retryAfter)
        }
        #expect(classify(401, #"{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid access token passed.","soft_logout":false}"#)
            == .unauthorized(errcode: "M_UNKNOWN_TOKEN", softLogout: false))
        #expect(classify(429, #"{"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":2500}"#) == .rateLimited(retryAfter: 2.5))
        #expect(classify(429, #"{"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":2500}"#, retryAfter: 3) == .rateLimited(retryAfter: 3))
        #expect(classify(429, "") == .rateLimited(retryAfter: nil))
        #expect(classify(502, "<html>bad gateway</html>") == .unavailable("HTTP 502"))
        #expect(classify(403, #"{"errcode":"M_FORBIDDEN","error":"not in room"}"#) == .rejected(status: 403, errcode: "M_FORBIDDEN"))
        #expect(classify(403, #"{"errcode":"M_FORBIDDEN"}"#).deliveryError == .permanent("rejected: HTTP 403 M_FORBIDDEN"))
        #expect(classify(429, #"{"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":800}"#).deliveryError
            == .transient("rate limited (M_LIMIT_EXCEEDED), retry after 0.8 s", retryAfter: 0.8))
        #expect(classify(500, "{}").deliveryError == .transient("homeserver unavailable: HTTP 500"))
    }
}
