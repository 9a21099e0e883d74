import Foundation
import Testing
@testable import PeerBot

@Suite struct SchedulerTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let general = ChannelRef(platform: .console, id: "general", name: "general")

    /// A feature whose job posts "ran KEY".
    static func poster() -> TestFeature {
        TestFeature(jobKinds: ["test.post"]) { job, context in
            try context.emit(.send(channel: general, text: "ran \(job.key)"))
        }
    }

    func schedule(_ store: SQLiteStore, key: String, at due: Date, policy: MissedJobPolicy = .withinGrace) throws {
        try store.write { _ = try $0.schedule(Job(kind: "test.post", key: key, dueAt: due, missedPolicy: policy)) }
    }

    @Test func dueJobsRunOnceInOrder() async throws {
        let harness = try await BotHarness(start: Self.start, features: { _ in [Self.poster()] })
        try schedule(harness.store, key: "b", at: Self.start.addingTimeInterval(120))
        try schedule(harness.store, key: "a", at: Self.start.addingTimeInterval(60))
        #expect(await harness.bot.runDueJobs() == 0)
        harness.clock.advance(by: 120)
        #expect(await harness.bot.runDueJobs() == 2)
        #expect(await harness.bot.runDueJobs() == 0)
        await harness.dispatcher.drain()
        #expect(harness.adapter.performed.map(\.text) == ["ran a", "ran b"])
    }

    @Test func missedJobsRunWithinGraceAndAreSkippedAfter() async throws {
        let harness = try await BotHarness(
            start: Self.start, configure: { $0.scheduler.missedJobGrace = 3600 }, features: { _ in [Self.poster()] })
        try schedule(harness.store, key: "recent", at: Self.start.addingTimeInterval(-1800))
        try schedule(harness.store, key: "stale", at: Self.start.addingTimeInterval(-7200))
        try schedule(harness.store, key: "page", at: Self.start.addingTimeInterval(-86_400), policy: .always)
        await harness.bot.runDueJobs()
        await harness.dispatcher.drain()
        #expect(harness.adapter.performed.map(\.text) == ["ran page", "ran recent"])
        let states = try harness.store.rawRows("SELECT key, state FROM job ORDER BY key")
        #expect(states.map { $0["state"] } == ["done", "done", "skipped"])
    }

    @Test func twoBotsOnOneDatabaseRunEachOccurrenceOnce() async throws {
        let first = try await BotHarness(start: Self.start, features: { _ in [Self.poster()] })
        let second = try Bot(
            configuration: BotConfiguration(), store: try SQLiteStore(path: first.store.path), clock: first.clock,
            features: [Self.poster()])
        for index in 0..<50 { try schedule(first.store, key: "job\(index)", at: Self.start) }
        async let a = first.bot.runDueJobs()
        async let b = second.runDueJobs()
        let total = await a + b
        #expect(total == 50)
        let outbox = try first.store.rawRows("SELECT COUNT(*) AS n FROM outbox")
        #expect(outbox.first?["n"] == "50")
    }

    @Test func aFailingJobIsSkippedNotRetriedForever() async throws {
        struct Boom: Error {}
        let failing = TestFeature(jobKinds: ["test.fail"]) { _, _ in throw Boom() }
        let harness = try await BotHarness(start: Self.start, features: { _ in [failing] })
        try harness.store.write { _ = try $0.schedule(Job(kind: "test.fail", key: "f", dueAt: Self.start)) }
        #expect(await harness.bot.runDueJobs() == 0)
        #expect(try harness.store.rawRows("SELECT state FROM job").first?["state"] == "skipped")
    }

    @Test func backoffHasFullJitterAndACap() {
        let backoff = ExponentialBackoff(base: 1, cap: 60, floor: 0.1)
        #expect(backoff.ceiling(attempt: 0) == 1)
        #expect(backoff.ceiling(attempt: 3) == 8)
        #expect(backoff.ceiling(attempt: 40) == 60)
        #expect(backoff.delay(attempt: 3, random: 0.5) == 4)
        #expect(backoff.delay(attempt: 3, random: 0) == 0.1)
        #expect(backoff.delay(attempt: 10, random: 0.999) <= 60)
    }
}
