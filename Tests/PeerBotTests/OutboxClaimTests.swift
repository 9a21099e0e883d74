import Foundation
import Testing
@testable import PeerBot

@Suite struct OutboxClaimTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let general = ChannelRef(platform: .console, id: "general", name: "general")

    @Test func twoDispatchersOnOneDatabaseNeverDeliverTheSameEntry() async throws {
        let temporary = TemporaryDirectory()
        let path = temporary.path("shared.sqlite")
        let storeA = try SQLiteStore(path: path), storeB = try SQLiteStore(path: path)
        let clock = VirtualWallClock(start: start)
        for index in 0..<200 {
            try storeA.write { _ = try $0.enqueue(.send(channel: general, text: "n\(index)"), lane: .normal, tag: nil, at: start) }
        }
        let adapterA = InMemoryAdapter(), adapterB = InMemoryAdapter()
        let dispatcherA = OutboxDispatcher(store: storeA, clock: clock)
        let dispatcherB = OutboxDispatcher(store: storeB, clock: clock)
        await dispatcherA.register(adapterA)
        await dispatcherB.register(adapterB)
        async let a: Void = dispatcherA.drain()
        async let b: Void = dispatcherB.drain()
        _ = await (a, b)
        let delivered = (adapterA.performed + adapterB.performed).compactMap(\.text)
        #expect(delivered.count == 200)
        #expect(Set(delivered).count == 200)
        #expect(try storeA.read { try $0.outboxDepth() } == 0)
    }

    @Test func claimsOfAStoppedProcessAreReleasedAtStart() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("crash.sqlite"))
        let clock = VirtualWallClock(start: start)
        // A process that claimed an entry and died: pid 2^22+1 is above Linux's pid_max default.
        let dead = OutboxClaimOwner(host: ProcessInfo.processInfo.hostName, pid: 4_194_305, nonce: "dead")
        try store.write { transaction in
            _ = try transaction.enqueue(.send(channel: general, text: "page"), lane: .urgent, tag: nil, at: start)
            _ = try transaction.claimDueOutboxEntries(
                at: start, owner: dead.description, leaseNow: Date(), leaseUntil: Date().addingTimeInterval(3600), limit: 10)
        }
        #expect(try store.read { try $0.outboxClaimOwners() } == [dead.description])
        let adapter = InMemoryAdapter()
        let dispatcher = OutboxDispatcher(store: store, clock: clock)
        await dispatcher.register(adapter)
        await dispatcher.drain()
        #expect(adapter.performed.compactMap(\.text) == ["page"])
    }

    @Test func claimsOfAnEarlierProcessWithThisPidAreReleasedAtStart() async throws {
        // In a container every start is pid 1: the claim's pid is ours, but not its nonce.
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("container.sqlite"))
        let clock = VirtualWallClock(start: start)
        let earlier = OutboxClaimOwner(host: ProcessInfo.processInfo.hostName, pid: getpid(), nonce: "1-earlier")
        try store.write { transaction in
            _ = try transaction.enqueue(.send(channel: general, text: "page"), lane: .urgent, tag: nil, at: start)
            _ = try transaction.claimDueOutboxEntries(
                at: start, owner: earlier.description, leaseNow: Date(), leaseUntil: Date().addingTimeInterval(3600), limit: 10)
        }
        let adapter = InMemoryAdapter()
        let dispatcher = OutboxDispatcher(store: store, clock: clock)
        await dispatcher.register(adapter)
        await dispatcher.drain()
        #expect(adapter.performed.compactMap(\.text) == ["page"])
        // Another dispatcher of this same process (same start time) is not an earlier process.
        let current = OutboxClaimOwner.current()
        let sibling = OutboxClaimOwner(host: current.host, pid: current.pid, nonce: current.nonce.prefix { $0 != "-" } + "-sibling")
        #expect(earlier.isEarlierProcess(withTheSamePidAs: current))
        #expect(!sibling.isEarlierProcess(withTheSamePidAs: current))
    }

    @Test func aLiveClaimIsRespectedUntilItsLeaseEnds() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("live.sqlite"))
        let clock = VirtualWallClock(start: start)
        let leaseClock = VirtualWallClock(start: start)
        // Another host's process: never judged gone, only its lease counts.
        let other = OutboxClaimOwner(host: "elsewhere.example", pid: 1, nonce: "x")
        try store.write { transaction in
            _ = try transaction.enqueue(.send(channel: general, text: "held"), lane: .normal, tag: nil, at: start)
            _ = try transaction.claimDueOutboxEntries(
                at: start, owner: other.description, leaseNow: start, leaseUntil: start.addingTimeInterval(300), limit: 10)
        }
        let adapter = InMemoryAdapter()
        let dispatcher = OutboxDispatcher(store: store, clock: clock, leaseClock: leaseClock)
        await dispatcher.register(adapter)
        await dispatcher.drain()
        #expect(adapter.performed.isEmpty)
        leaseClock.advance(by: 301)
        await dispatcher.drain()
        #expect(adapter.performed.compactMap(\.text) == ["held"])
    }

    @Test func ownersParse() {
        let owner = OutboxClaimOwner(host: "host:with:colons", pid: 42, nonce: "abc")
        #expect(OutboxClaimOwner(owner.description) == owner)
        #expect(OutboxClaimOwner("nonsense") == nil)
    }
}
