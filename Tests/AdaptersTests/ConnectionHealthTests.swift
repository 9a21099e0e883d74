import PeerBot
import Testing
@testable import Adapters

/// How links' reports become one adapter's health (each Discord shard is a link).
@Suite struct ConnectionHealthTests {
    @Test func connectingUntilEveryLinkWasUpThenConnected() {
        let health = ConnectionHealth()
        #expect(health.snapshot == AdapterHealth(state: .connecting))
        health.down(0)  // a first connection that failed is still "connecting", not a reconnect
        health.up(1)
        #expect(health.snapshot.state == .connecting)
        health.up(0)
        #expect(health.snapshot == AdapterHealth(state: .connected))
    }

    @Test func aLostLinkIsReconnectingAndItsReturnCountsOnce() {
        let health = ConnectionHealth()
        health.up(0)
        health.up(1)
        health.down(1)
        health.down(1)  // a retry that fails again is the same outage
        #expect(health.snapshot == AdapterHealth(state: .reconnecting))
        health.up(0)  // another link's report changes nothing
        #expect(health.snapshot.state == .reconnecting)
        health.up(1)
        health.up(1)
        #expect(health.snapshot == AdapterHealth(state: .connected, reconnects: 1))
    }

    @Test func rateLimitWaitsAreCounted() {
        let health = ConnectionHealth()
        health.waitedForRateLimit()
        health.waitedForRateLimit()
        #expect(health.snapshot.rateLimitWaits == 2)
    }

    @Test func aFatalStopIsFinalAndAStopAfterItChangesNothing() {
        let health = ConnectionHealth()
        health.up()
        health.failed()
        health.up()
        health.stopped()
        #expect(health.snapshot.state == .disconnected)
    }

    @Test func aRequestedStopIsFinal() {
        let health = ConnectionHealth()
        health.up()
        health.stopped()
        health.down()  // the connection the stop closed
        health.failed()
        #expect(health.snapshot == AdapterHealth(state: .stopped))
    }
}
