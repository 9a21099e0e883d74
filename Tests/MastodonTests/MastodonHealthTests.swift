import Adapters
import Foundation
import PeerBot
import Testing

/// `MastodonAdapter.health` driven by the real stream and polling loop, against the fake Mastodon.
extension MastodonAdapterTests {
    @Test func healthFollowsTheStreamThroughAnOutageAndBack() async throws {
        var policy = MastodonBotHarness.testPolicy
        policy.failuresBeforePolling = 1_000  // stay on the stream: this test is about it
        let harness = try await MastodonBotHarness(policy: policy)
        let adapter = harness.adapter
        #expect(adapter.health == AdapterHealth(state: .connecting))
        try await harness.startStreaming()
        try await harness.waitUntil("connected once caught up") { adapter.health.state == .connected }
        #expect(adapter.health.reconnects == 0)

        // The stream drops and every handshake is refused until the instance is back.
        try await harness.fake.dropStreams(refuse: 1_000_000)
        try await harness.waitUntil("reconnecting") { adapter.health.state == .reconnecting }
        #expect(adapter.health.reconnects == 0, "nothing re-established yet")

        try await harness.fake.refuseStreams(count: 0)
        try await harness.waitUntil("connected again") { adapter.health.state == .connected && adapter.health.reconnects == 1 }
        #expect(try await harness.fake.streams().open == 1)
        await harness.stop()
        #expect(adapter.health.state == .stopped)
        #expect(adapter.health.reconnects == 1)
    }

    @Test func whenPollingAFailedPollIsReconnectingAndTheNextGoodOneConnected() async throws {
        let harness = try await MastodonBotHarness(fakeArguments: ["--no-streaming"])
        let adapter = harness.adapter
        harness.start()
        try await harness.waitUntil("connected after the first poll") { adapter.health.state == .connected }
        try await harness.fake.failNotificationReads(count: 3)
        try await harness.waitUntil("reconnecting after a failed poll") { adapter.health.state == .reconnecting }
        try await harness.waitUntil("connected after a good poll") {
            adapter.health.state == .connected && adapter.health.reconnects == 1
        }
        await harness.stop()
    }
}
