import Adapters
import Foundation
import PeerBot
import Testing

/// The stream state machine, driven by a virtual clock and fixed jitter.
@Suite struct MastodonStreamSessionTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let policy = MastodonStreamSession.Policy(
        backoff: ExponentialBackoff(base: 1, cap: 60, floor: 0.05), pollInterval: 60, failuresBeforePolling: 5,
        streamRetryInterval: 300, stableAfter: 60)

    @Test func connectThenCatchUpOnEveryConnect() {
        var session = MastodonStreamSession(policy: policy)
        #expect(session.start(now: start) == .connect)
        #expect(session.state == .connecting)
        #expect(session.connected(now: start) == .catchUp)
        #expect(session.state == .streaming(since: start))
        // The stream drops after 10 minutes: a quick reconnect (attempt 0: up to 1 s).
        let drop = start.addingTimeInterval(600)
        #expect(session.disconnected(now: drop, random: 0.5) == .sleep(until: drop.addingTimeInterval(0.5)))
        #expect(session.timerFired(now: drop.addingTimeInterval(0.5)) == .connect)
        // Every reconnect is followed by a catch-up.
        #expect(session.connected(now: drop.addingTimeInterval(1)) == .catchUp)
    }

    @Test func failedConnectsBackOffExponentiallyWithJitter() {
        var session = MastodonStreamSession(policy: policy)
        _ = session.start(now: start)
        var now = start
        var waits: [TimeInterval] = []
        for _ in 0..<4 {
            guard case .sleep(let until) = session.connectFailed(now: now, random: 1) else {
                Issue.record("expected a sleep")
                return
            }
            waits.append(until.timeIntervalSince(now))
            #expect(session.timerFired(now: until) == .connect)
            now = until
        }
        // Full jitter with random = 1 gives the ceilings: 1, 2, 4, 8 s.
        #expect(waits == [1, 2, 4, 8])
        // With random = 0 the floor keeps a retry from spinning.
        var other = MastodonStreamSession(policy: policy)
        _ = other.start(now: start)
        #expect(other.connectFailed(now: start, random: 0) == .sleep(until: start.addingTimeInterval(0.05)))
    }

    @Test func earlyWakeSleepsAgain() {
        var session = MastodonStreamSession(policy: policy)
        _ = session.start(now: start)
        _ = session.connectFailed(now: start, random: 1)
        #expect(session.timerFired(now: start.addingTimeInterval(0.2)) == .sleep(until: start.addingTimeInterval(1)))
    }

    @Test func flappingConnectionKeepsBackingOffButAStableOneResets() {
        var session = MastodonStreamSession(policy: policy)
        _ = session.start(now: start)
        _ = session.connected(now: start)
        // Dropped after 5 s: not stable, the count grows.
        _ = session.disconnected(now: start.addingTimeInterval(5), random: 1)
        #expect(session.failures == 1)
        _ = session.timerFired(now: start.addingTimeInterval(6))
        _ = session.connected(now: start.addingTimeInterval(6))
        #expect(session.disconnected(now: start.addingTimeInterval(8), random: 1) == .sleep(until: start.addingTimeInterval(10)))
        #expect(session.failures == 2)
        // Up for two minutes: stable, so the next drop starts over at attempt 0.
        _ = session.timerFired(now: start.addingTimeInterval(10))
        _ = session.connected(now: start.addingTimeInterval(10))
        let drop = start.addingTimeInterval(130)
        #expect(session.disconnected(now: drop, random: 1) == .sleep(until: drop.addingTimeInterval(1)))
        #expect(session.failures == 1)
    }

    @Test func repeatedFailuresFallBackToPollingAndRetryStreamingLater() {
        var session = MastodonStreamSession(policy: policy)
        _ = session.start(now: start)
        var now = start
        var step = MastodonStreamSession.Step.connect
        for _ in 0..<5 {
            step = session.connectFailed(now: now, random: 0.5)
            if case .sleep(let until) = step {
                now = until
                #expect(session.timerFired(now: now) == .connect)
            }
        }
        // The fifth failure: poll at once, and keep polling every minute.
        #expect(step == .poll)
        #expect(session.isPolling)
        let fallbackAt = now
        #expect(session.pollFinished(now: now) == .sleep(until: now.addingTimeInterval(60)))
        now = now.addingTimeInterval(60)
        #expect(session.timerFired(now: now) == .poll)
        // Five minutes after falling back, streaming is tried again …
        var wokeAt = now
        while true {
            guard case .sleep(let until) = session.pollFinished(now: wokeAt) else { break }
            wokeAt = until
            let next = session.timerFired(now: wokeAt)
            if next == .connect { break }
            #expect(next == .poll)
        }
        #expect(wokeAt == fallbackAt.addingTimeInterval(300))
        // … and one more failure goes straight back to polling.
        #expect(session.connectFailed(now: wokeAt, random: 0.5) == .poll)
        // A success returns to streaming, with a catch-up.
        _ = session.pollFinished(now: wokeAt)
        _ = session.timerFired(now: wokeAt.addingTimeInterval(300))
        #expect(session.connected(now: wokeAt.addingTimeInterval(301)) == .catchUp)
        #expect(!session.isPolling)
    }

    @Test func pollingOnlyWhenStreamingIsUnavailable() {
        var session = MastodonStreamSession(policy: policy)
        #expect(session.start(now: start, streaming: false) == .poll)
        #expect(session.state == .polling(nextPoll: start, nextStreamAttempt: nil))
        var now = start
        for _ in 0..<10 {
            #expect(session.pollFinished(now: now) == .sleep(until: now.addingTimeInterval(60)))
            now = now.addingTimeInterval(60)
            #expect(session.timerFired(now: now) == .poll)
        }
        // An instance without usable streaming, found after starting: the same.
        var other = MastodonStreamSession(policy: policy)
        _ = other.start(now: start)
        #expect(other.streamingUnavailable(now: start) == .poll)
    }

    @Test func stopWinsOverEverything() {
        var session = MastodonStreamSession(policy: policy)
        _ = session.start(now: start)
        #expect(session.stop() == .stop)
        #expect(session.connected(now: start) == .stop)
        #expect(session.connectFailed(now: start, random: 0.5) == .stop)
        #expect(session.disconnected(now: start, random: 0.5) == .stop)
        #expect(session.timerFired(now: start) == .stop)
        #expect(session.pollFinished(now: start) == .stop)
    }
}
