import Adapters
import Foundation
import PeerBot

/// Latency from a member's `!facilitator` message entering the adapter to
/// the facilitators' page being handed to the platform, through the real
/// runtime (`BotRuntime`: event stream, `Bot`, outbox on SQLite,
/// `OutboxDispatcher`). Meanwhile `TrafficMix` chatter arrives at 1,000
/// messages/s, and 1,000 normal-lane bulk sends (standing in for reminders)
/// were queued just before; every action takes a 2 ms platform round trip,
/// so the bulk sends take seconds to deliver. A page should not wait behind
/// them (it rides the urgent lane): the sample fails when the bulk queue had
/// already emptied before most pages went out, since it would prove nothing.
/// It also fails unless every page, and every answer to a member who asked
/// for a facilitator, was handed to the adapter from the urgent lane.
///
/// With `throughRateLimiter`, every action also waits at a `BucketRateLimiter`
/// set as the Discord adapter sets it (50 requests/s in all, 5 of them kept
/// for urgent requests), in the lane the Discord adapter picks: the queued
/// sends then fill the normal share for 20 s, and pages (one every 500 ms,
/// with their answers 4 urgent requests/s: inside the reserve) must not
/// wait for it.
@MainActor
final class PageLatencyBenchmark: Benchmark {
    let percentile: Double
    let throughRateLimiter: Bool
    private let pages: Int
    private let pageInterval: Duration
    private let backgroundPerSecond = 1_000
    private let queuedReminders = 1_000
    private let roundTrip = Duration.milliseconds(2)

    init(percentile: Double, throughRateLimiter: Bool = false) {
        self.percentile = percentile
        self.throughRateLimiter = throughRateLimiter
        pages = throughRateLimiter ? 24 : 200
        pageInterval = throughRateLimiter ? .milliseconds(500) : .milliseconds(10)
    }

    var name: String {
        let limiter = throughRateLimiter ? ", Discord rate limiter 50/s" : ""
        return "page latency p\(Int(percentile)), 1,000 msg/s + 1,000 queued sends\(limiter)"
    }
    var unit: String { "ms" }

    func setUp() async throws {}

    func sample() async throws -> Double {
        let limiter = throughRateLimiter ? BucketRateLimiter(globalLimit: 50, globalWindow: .seconds(1), urgentReserve: 5) : nil
        let adapter = LatencyProbeAdapter(roundTrip: roundTrip, limiter: limiter)
        let bench = try await BenchBot(adapter: adapter, label: "latency")
        defer { bench.remove() }
        let runtime = BotRuntime(bot: bench.bot, dispatcher: bench.dispatcher, clock: SystemWallClock(), adapters: [adapter])
        let running = Task { await runtime.run() }
        try await Task.sleep(for: .milliseconds(200))  // the runtime has started and drained its (empty) outbox

        try bench.store.write { transaction in
            for _ in 0..<queuedReminders {
                try transaction.enqueue(
                    .send(channel: BenchBot.general, text: LatencyProbeAdapter.reminderText), lane: .normal, tag: nil,
                    at: Date())
            }
        }
        let dispatcher = bench.dispatcher
        let bulk = Task { await dispatcher.drain() }

        var mix = TrafficMix(seed: 13)
        var requested: [ContinuousClock.Instant] = []
        let clock = ContinuousClock()
        let start = clock.now
        var background = 0
        while requested.count < pages {
            try await Task.sleep(until: start + pageInterval * (requested.count + 1), clock: clock)
            let due = Int((clock.now - start).seconds * Double(backgroundPerSecond))
            while background < due {
                adapter.push(mix.next())
                background += 1
            }
            requested.append(clock.now)
            adapter.push(BenchBot.message("!facilitator", from: "pager\(requested.count)", id: 10_000_000 + requested.count))
        }
        let deadline = clock.now + .seconds(60)
        // Every page, and every pager's answer (it is delivered after the page).
        while adapter.pages.count < pages || adapter.pagerAnswers.values.reduce(0, +) < pages, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        // Behind a rate limiter the queued sends outlast the sample: they must not run into the next one.
        adapter.close()
        await runtime.stop()
        _ = await running.value
        await bulk.value

        let delivered = adapter.pages
        guard delivered.count == pages else { throw BenchError("\(delivered.count) of \(pages) pages delivered") }
        var latencies: [Double] = []
        var behindBulk = 0
        for (index, sentAt) in requested.enumerated() {
            guard let page = delivered[index + 1] else { throw BenchError("no page for ticket \(index + 1)") }
            latencies.append((page.at - sentAt).seconds * 1_000)
            if page.normalSendsBefore < queuedReminders { behindBulk += 1 }
        }
        guard behindBulk >= pages / 2 else {
            throw BenchError("only \(behindBulk) of \(pages) pages went out while bulk sends were queued")
        }
        let answers = adapter.pagerAnswers
        guard delivered.values.allSatisfy({ $0.lane == .urgent }), answers[.normal, default: 0] == 0,
            answers[.urgent, default: 0] >= pages
        else {
            throw BenchError("pages or their answers came from the normal lane (answers by lane: \(answers))")
        }
        latencies.sort()
        let rank = Int((percentile / 100 * Double(latencies.count)).rounded(.up)) - 1
        return latencies[min(max(rank, 0), latencies.count - 1)]
    }

    func tearDown() async {}
}
