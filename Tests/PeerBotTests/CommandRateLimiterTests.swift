import Foundation
import Testing
@testable import PeerBot

@Suite struct CommandRateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aBurstThenOneNoticeThenSilence() {
        let limiter = Limiter(burst: 3, refill: 2)
        let verdicts = (0..<6).map { _ in limiter.take("console:alice", at: start) }
        #expect(verdicts == [.allowed, .allowed, .allowed, .refusedWithNotice, .refusedSilently, .refusedSilently])
    }

    @Test func tokensComeBackOneEveryRefill() {
        let limiter = Limiter(burst: 2, refill: 2)
        _ = limiter.take("a", at: start)
        _ = limiter.take("a", at: start)
        #expect(limiter.take("a", at: start.addingTimeInterval(1)) == .refusedWithNotice)
        #expect(limiter.take("a", at: start.addingTimeInterval(2)) == .allowed)
        #expect(limiter.take("a", at: start.addingTimeInterval(2)) == .refusedSilently)
        // A long pause fills the bucket, never beyond the burst.
        let later = start.addingTimeInterval(3600)
        #expect(limiter.take("a", at: later) == .allowed)
        #expect(limiter.take("a", at: later) == .allowed)
        #expect(limiter.take("a", at: later) == .refusedWithNotice)
    }

    @Test func oneNoticePerWindow() {
        let limiter = Limiter(burst: 2, refill: 5)
        #expect(limiter.window == 10)
        _ = limiter.take("a", at: start)
        _ = limiter.take("a", at: start)
        #expect(limiter.take("a", at: start) == .refusedWithNotice)
        // A token comes back at 5 s and is used; the refusal after it is still in the window.
        #expect(limiter.take("a", at: start.addingTimeInterval(5)) == .allowed)
        #expect(limiter.take("a", at: start.addingTimeInterval(6)) == .refusedSilently)
        #expect(limiter.take("a", at: start.addingTimeInterval(10)) == .allowed)
        #expect(limiter.take("a", at: start.addingTimeInterval(11)) == .refusedWithNotice)
    }

    @Test func membersHaveTheirOwnBuckets() {
        let limiter = Limiter(burst: 1, refill: 60)
        #expect(limiter.take("a", at: start) == .allowed)
        #expect(limiter.take("a", at: start) == .refusedWithNotice)
        #expect(limiter.take("b", at: start) == .allowed)
    }

    @Test func takeIfAvailableNeverRefusesButSaysWhenOver() {
        let limiter = Limiter(burst: 2, refill: 2)
        #expect(limiter.takeIfAvailable("a", at: start))
        #expect(limiter.takeIfAvailable("a", at: start))
        #expect(!limiter.takeIfAvailable("a", at: start))
        #expect(limiter.takeIfAvailable("a", at: start.addingTimeInterval(2)))
    }

    @Test func aClockThatGoesBackAddsNothing() {
        let limiter = Limiter(burst: 1, refill: 2)
        #expect(limiter.take("a", at: start) == .allowed)
        #expect(limiter.take("a", at: start.addingTimeInterval(-100)) == .refusedWithNotice)
    }

    @Test func idleMembersAreForgottenSoMemoryStaysBounded() {
        let limiter = Limiter(burst: 2, refill: 1)
        for index in 0..<5000 {
            _ = limiter.take("member-\(index)", at: start.addingTimeInterval(Double(index)))
        }
        // Each member took one token a second apart; all but the last few are full again.
        #expect(limiter.trackedMembers < 1100)
        #expect(limiter.take("member-4999", at: start.addingTimeInterval(4999)) == .allowed)
        #expect(limiter.take("member-4999", at: start.addingTimeInterval(4999)) == .refusedWithNotice)
    }

    @Test func aReloadKeepsWhatMembersHaveCappedAtTheNewBurst() {
        let limiter = Limiter(burst: 5, refill: 2)
        #expect(limiter.take("a", at: start) == .allowed)
        limiter.configure(burst: 1, refill: 2)
        #expect(limiter.take("a", at: start) == .allowed)
        #expect(limiter.take("a", at: start) == .refusedWithNotice)
    }
}

/// Holds a limiter so `#expect` can call its mutating methods.
private final class Limiter {
    var inner: CommandRateLimiter
    init(burst: Int, refill: TimeInterval) { inner = CommandRateLimiter(burst: burst, refill: refill) }
    func take(_ key: String, at now: Date) -> CommandRateLimiter.Verdict { inner.take(key, at: now) }
    func takeIfAvailable(_ key: String, at now: Date) -> Bool { inner.takeIfAvailable(key, at: now) }
    func configure(burst: Int, refill: TimeInterval) { inner.configure(burst: burst, refill: refill) }
    var window: TimeInterval { inner.window }
    var trackedMembers: Int { inner.trackedMembers }
}
