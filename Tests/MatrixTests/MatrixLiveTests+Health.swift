import Foundation
import PeerBot
import Testing
@testable import Adapters

/// `MatrixAdapter.health` driven by the real sync loop against the real Synapse.
extension MatrixLiveTests {
    /// Polls `condition` with a generous deadline (a guard against hangs, not a timing assertion).
    static func eventually(_ what: String, seconds: Double = 60, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out waiting until \(what)")
                throw InProcessBot.NotSignedIn(seconds: seconds)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    @Test func healthFollowsTheSyncLoopThroughAHomeserverRestart() async throws {
        let world = try await MatrixWorld.make()
        let bot = try InProcessBot(matrix: world.configuration(), http: world.http)
        let adapter = bot.adapter
        #expect(adapter.health == AdapterHealth(state: .connecting))
        bot.start()
        try await Self.eventually("connected once signed in") { adapter.health.state == .connected }
        #expect(adapter.health.reconnects == 0)

        // The homeserver goes away: the long-poll breaks and retries fail.
        try await SynapseHomeserver.shared.stop()
        try await Self.eventually("reconnecting") { adapter.health.state == .reconnecting }
        #expect(adapter.health.reconnects == 0, "nothing re-established yet")

        _ = try await SynapseHomeserver.shared.start()
        try await Self.eventually("connected again") { adapter.health.state == .connected && adapter.health.reconnects >= 1 }
        #expect(bot.log.all.contains { $0.contains("sync resumed") })

        await bot.stop()
        #expect(adapter.health.state == .stopped)
    }

    @Test func aRejectedTokenLeavesTheAdapterDisconnected() async throws {
        let world = try await MatrixWorld.make()
        var configuration = world.configuration()
        configuration.credentials = .accessToken("syt_not_a_real_token_0001")
        let bot = try InProcessBot(matrix: configuration, http: world.http)
        await #expect(throws: MatrixStopReason.self) { try await bot.adapter.run() }
        #expect(bot.adapter.health.state == .disconnected)
        #expect(bot.adapter.health.reconnects == 0)
    }
}
