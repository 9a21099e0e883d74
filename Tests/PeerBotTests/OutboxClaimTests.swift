import Foundation
import Testing
@testable import PeerBot

/// Two processes on one database (an overlapping restart) must not both deliver an entry.
@Suite struct OutboxClaimTests {
    let temporary = TemporaryDirectory()

    @Test func aClaimedEntryWaitsForItsClaimToRunOut() async throws {
        let store = try SQLiteStore(path: temporary.path("claim.sqlite"))
        let clock = VirtualWallClock(start: Date(timeIntervalSince1970: 1_790_000_000))
        let channel = ChannelRef(platform: .console, id: "facilitators")
        let id = try store.write { try $0.enqueue(.send(channel: channel, text: "page"), lane: .urgent, tag: "t", at: clock.now) }
        // Another process claims it and then dies before delivering.
        #expect(try store.write { try $0.claimOutboxEntry(id, until: clock.now.addingTimeInterval(120), at: clock.now) })
        #expect(try store.write { try $0.claimOutboxEntry(id, until: clock.now.addingTimeInterval(120), at: clock.now) } == false)
        let adapter = InMemoryAdapter()
        let dispatcher = OutboxDispatcher(store: store, clock: clock)
        await dispatcher.register(adapter)
        await dispatcher.drain()
        #expect(adapter.performed.isEmpty)
        clock.advance(by: 121)
        await dispatcher.drain()
        #expect(adapter.performed.count == 1)
        await dispatcher.drain()
        #expect(adapter.performed.count == 1)
    }

    @Test func twoDispatchersDeliverEachEntryOnce() async throws {
        let path = temporary.path("two.sqlite")
        let clock = VirtualWallClock(start: Date(timeIntervalSince1970: 1_790_000_000))
        let channel = ChannelRef(platform: .console, id: "facilitators")
        let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
        for number in 0..<200 {
            _ = try first.write { try $0.enqueue(.send(channel: channel, text: "\(number)"), lane: .normal, tag: nil, at: clock.now) }
        }
        let adapterA = InMemoryAdapter(), adapterB = InMemoryAdapter()
        let dispatcherA = OutboxDispatcher(store: first, clock: clock)
        let dispatcherB = OutboxDispatcher(store: second, clock: clock)
        await dispatcherA.register(adapterA)
        await dispatcherB.register(adapterB)
        async let a: Void = dispatcherA.drain()
        async let b: Void = dispatcherB.drain()
        _ = await (a, b)
        let texts = (adapterA.performed + adapterB.performed).compactMap(\.text)
        #expect(texts.count == 200)
        #expect(Set(texts).count == 200)
    }
}
