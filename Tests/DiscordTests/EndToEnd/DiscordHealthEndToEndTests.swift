import Adapters
import Foundation
import PeerBot
import Testing

/// `DiscordAdapter.health` driven by the real gateway session, against the fake Discord.
extension DiscordGatewayEndToEndTests {
    /// Quick reconnects, so an outage test does not sit out the production backoff
    /// (that one is tested on `GatewaySession` with a virtual clock).
    static var quickReconnects: GatewaySessionSettings {
        var settings = GatewaySessionSettings()
        settings.backoff = ExponentialBackoff(base: 0.1, cap: 0.5, floor: 0.05)
        return settings
    }

    /// Polls `condition` with a generous deadline (a guard against hangs, not a timing assertion).
    static func eventually(_ what: String, seconds: Double = 30, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out waiting until \(what)")
                throw FakeDiscord.FakeDiscordError.timedOut(what)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    @Test func healthFollowsTheGatewayThroughAnOutageAndBack() async throws {
        let fake = try await FakeDiscord.start()
        let rig = try DiscordRig(fake: fake, sessionSettings: Self.quickReconnects)
        let adapter = rig.adapter
        #expect(adapter.health == AdapterHealth(state: .connecting))
        let running = Task { _ = await rig.runtime.run() }
        try await Self.eventually("connected after READY") { adapter.health.state == .connected }
        #expect(adapter.health.reconnects == 0)

        // Discord goes away: the connection drops without a close frame, and new ones are refused.
        await fake.stop()
        try await Self.eventually("reconnecting") { adapter.health.state == .reconnecting }
        #expect(adapter.health.reconnects == 0, "nothing re-established yet")

        // It comes back knowing no session: the resume is refused, a new session is identified.
        let back = try await fake.startAgain()
        try await Self.eventually("connected again") { adapter.health.state == .connected }
        #expect(adapter.health.reconnects == 1)
        let records = try await back.records()
        #expect(records.sent(op: 2).count == 1, "identified anew on the new server")

        // A resume (op 7) is a reconnect too.
        try await back.sendOpcode(7, "null")
        try await Self.eventually("a second reconnect") { adapter.health.reconnects == 2 }
        try await Self.eventually("connected after the resume") { adapter.health.state == .connected }

        // Closed for sending too fast (4008): resumed, and counted as a rate-limit wait.
        let waits = adapter.health.rateLimitWaits
        try await back.closeConnection(code: 4008)
        try await Self.eventually("a third reconnect") { adapter.health.reconnects == 3 && adapter.health.state == .connected }
        #expect(adapter.health.rateLimitWaits > waits)

        await rig.runtime.stop()
        await running.value
        #expect(adapter.health.state == .stopped)
        #expect(adapter.health.reconnects == 3)
        await rig.shutdown()
        await back.stop()
    }
}
