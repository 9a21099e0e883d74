import Foundation
import Synchronization
import Testing
@testable import PeerBot

@Suite struct OutboxLaneTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let general = ChannelRef(platform: .console, id: "general", name: "general")

    @Test func anUrgentEntryIsDeliveredWhileNormalSendsAreInFlight() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("lanes.sqlite"))
        for index in 0..<3 {
            try store.write { _ = try $0.enqueue(.send(channel: general, text: "bulk \(index)"), lane: .normal, tag: nil, at: start) }
        }
        let adapter = GatedAdapter()
        let dispatcher = OutboxDispatcher(store: store, clock: VirtualWallClock(start: start))
        await dispatcher.register(adapter)
        let bulk = Task { await dispatcher.drain() }
        await adapter.firstBulkSendStarted.wait()  // "bulk 0" is on its way and held there

        try store.write {
            _ = try $0.enqueue(.page(channel: general, text: "page", mentions: [], ticket: 1), lane: .urgent, tag: nil, at: start)
        }
        let urgent = Task { await dispatcher.drain() }
        // Bounded wait so a regression fails instead of hanging: the held send never finishes on its own.
        try await waitUntil { adapter.performed.contains("page") }
        #expect(adapter.performed == ["page"])

        await adapter.gate.open()
        await bulk.value
        await urgent.value
        #expect(adapter.performed == ["page", "bulk 0", "bulk 1", "bulk 2"])
        #expect(try store.read { try $0.outboxDepth() } == 0)
    }

    @Test func drainSoonLeavesNoTaskWaitingBehindASlowSendAndStillDeliversEverything() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("soon.sqlite"))
        try store.write { _ = try $0.enqueue(.send(channel: general, text: "bulk 0"), lane: .normal, tag: nil, at: start) }
        let adapter = GatedAdapter()
        let dispatcher = OutboxDispatcher(store: store, clock: VirtualWallClock(start: start))
        await dispatcher.register(adapter)
        let held = Task { await dispatcher.drainSoon() }
        await adapter.firstBulkSendStarted.wait()  // the normal pass is held in "bulk 0"

        // Events keep coming meanwhile: each asks for a drain, and each call
        // returns while the send is still held (with `drain()` each would wait).
        let channel = general, at = start
        let arrivals = Task {
            for index in 1...50 {
                try store.write { _ = try $0.enqueue(.send(channel: channel, text: "bulk \(index)"), lane: .normal, tag: nil, at: at) }
                await dispatcher.drainSoon()
            }
            try store.write {
                _ = try $0.enqueue(.page(channel: channel, text: "page", mentions: [], ticket: 1), lane: .urgent, tag: nil, at: at)
            }
            await dispatcher.drainSoon()
            return true
        }
        // Bounded, so a regression (calls that wait for the held send) fails instead of hanging.
        let finished = Mutex(false)
        let watcher = Task {
            _ = try await arrivals.value
            finished.withLock { $0 = true }
        }
        try await waitUntil { finished.withLock { $0 } }
        #expect(finished.withLock { $0 }, "drainSoon waited for the held send")
        #expect(adapter.performed == ["page"], "the urgent pass ran in the caller and did not wait for the normal one")

        await adapter.gate.open()
        await held.value  // the held pass looks again for what the calls asked for
        try await watcher.value
        #expect(adapter.performed == ["page"] + (0...50).map { "bulk \($0)" })
        #expect(try store.read { try $0.outboxDepth() } == 0)
    }

    @Test func oneDrainDeliversTheUrgentLaneFirst() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("order.sqlite"))
        try store.write { transaction in
            _ = try transaction.enqueue(.send(channel: general, text: "reminder"), lane: .normal, tag: nil, at: start)
            _ = try transaction.enqueue(.send(channel: general, text: "page"), lane: .urgent, tag: nil, at: start)
        }
        let adapter = InMemoryAdapter()
        let dispatcher = OutboxDispatcher(store: store, clock: VirtualWallClock(start: start))
        await dispatcher.register(adapter)
        await dispatcher.drain()
        #expect(adapter.performed.compactMap(\.text) == ["page", "reminder"])
    }

    @Test func aQuietOutboxStillSeesEntriesAddedByAnotherProcessWithinASecond() async throws {
        let temporary = TemporaryDirectory()
        let path = temporary.path("shared.sqlite")
        let ours = try SQLiteStore(path: path), theirs = try SQLiteStore(path: path)
        let adapter = InMemoryAdapter()
        let leaseClock = VirtualWallClock(start: start)
        let dispatcher = OutboxDispatcher(store: ours, clock: VirtualWallClock(start: start), leaseClock: leaseClock)
        await dispatcher.register(adapter)
        await dispatcher.drain()
        await dispatcher.drain()  // quiet: nothing was added
        #expect(adapter.performed.isEmpty)
        try theirs.write { _ = try $0.enqueue(.send(channel: general, text: "theirs"), lane: .urgent, tag: nil, at: start) }
        // What this process adds comes in memory; another process's entry is found by the next look.
        try ours.write { _ = try $0.enqueue(.send(channel: general, text: "ours"), lane: .urgent, tag: nil, at: start) }
        await dispatcher.drain()
        #expect(adapter.performed.compactMap(\.text) == ["ours"])
        leaseClock.advance(by: 1)
        await dispatcher.drain()
        #expect(adapter.performed.compactMap(\.text) == ["ours", "theirs"])
    }

    @Test func entriesThisProcessAddsAreDeliveredWithoutAClaimLook() async throws {
        let temporary = TemporaryDirectory()
        let store = CountingStore(try SQLiteStore(path: temporary.path("handoff.sqlite")))
        // Another connection, to see what is in the file.
        let observer = try SQLiteStore(path: temporary.path("handoff.sqlite"))
        let deliveredInFile = { try observer.rawRows("SELECT COUNT(*) AS n FROM outbox WHERE state = 'delivered'") }
        let adapter = InMemoryAdapter()
        let dispatcher = OutboxDispatcher(store: store, clock: VirtualWallClock(start: start), leaseClock: VirtualWallClock(start: start))
        await dispatcher.register(adapter)
        await dispatcher.drain()  // the first look: nothing yet
        let before = store.writes
        for index in 0..<5 {
            try store.write { _ = try $0.enqueue(.send(channel: general, text: "n\(index)"), lane: .normal, tag: nil, at: start) }
        }
        await dispatcher.drain()
        #expect(adapter.performed.compactMap(\.text) == ["n0", "n1", "n2", "n3", "n4"])
        // Five transactions that added an entry each, and no claim look; the
        // deliveries are recorded by the next transaction the store begins…
        #expect(store.writes - before == 5)
        #expect(try deliveredInFile() == [["n": "0"]])
        try store.write { _ in }
        #expect(try deliveredInFile() == [["n": "5"]])
        // …or before any read.
        try store.write { _ = try $0.enqueue(.send(channel: general, text: "n5"), lane: .normal, tag: nil, at: start) }
        await dispatcher.drain()
        #expect(try store.read { try $0.outboxDepth() } == 0)
    }

    @Test func anotherProcessNeverTakesAnEntryHandedOverInMemory() async throws {
        let temporary = TemporaryDirectory()
        let path = temporary.path("shared.sqlite")
        let ours = try SQLiteStore(path: path), theirs = try SQLiteStore(path: path)
        let oursAdapter = InMemoryAdapter(), theirsAdapter = InMemoryAdapter()
        let oursDispatcher = OutboxDispatcher(store: ours, clock: VirtualWallClock(start: start))
        let theirsDispatcher = OutboxDispatcher(store: theirs, clock: VirtualWallClock(start: start))
        await oursDispatcher.register(oursAdapter)
        await theirsDispatcher.register(theirsAdapter)
        await oursDispatcher.drain()  // delivering has begun: new entries are handed over from now on
        try ours.write { _ = try $0.enqueue(.send(channel: general, text: "ours"), lane: .urgent, tag: nil, at: start) }
        // The entry is committed and claimed by this process before its dispatcher sees it.
        await theirsDispatcher.drain()
        #expect(theirsAdapter.performed.isEmpty)
        await oursDispatcher.drain()
        #expect(oursAdapter.performed.compactMap(\.text) == ["ours"])
    }

    @Test func aQuietOutboxStillRetriesWhenTheRetryComesDue() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("retry.sqlite"))
        let clock = VirtualWallClock(start: start)
        let adapter = InMemoryAdapter()
        adapter.failNext([.transient("rate limited", retryAfter: 30)])
        let dispatcher = OutboxDispatcher(store: store, clock: clock)
        await dispatcher.register(adapter)
        try store.write { _ = try $0.enqueue(.send(channel: general, text: "later"), lane: .normal, tag: nil, at: start) }
        await dispatcher.drain()
        await dispatcher.drain()
        #expect(adapter.performed.isEmpty)
        clock.advance(by: 31)
        await dispatcher.drain()
        #expect(adapter.performed.compactMap(\.text) == ["later"])
    }
}

/// The outbox hands each entry's lane to the adapter, which waits in that lane at its rate limiters.
@Suite struct OutboxLaneHandOverTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let general = ChannelRef(platform: .console, id: "general", name: "general")

    @Test func theAdapterIsToldEachEntrysLane() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("handover.sqlite"))
        let alice = MemberRef(platform: .console, id: "alice", handle: "alice")
        try store.write { transaction in
            _ = try transaction.enqueue(.send(channel: general, text: "reminder"), lane: .normal, tag: nil, at: start)
            _ = try transaction.enqueue(.replyPrivately(member: alice, text: "acknowledged", origin: nil), lane: .urgent, tag: nil, at: start)
            _ = try transaction.enqueue(.page(channel: general, text: "page", mentions: [], ticket: 1), lane: .urgent, tag: nil, at: start)
        }
        let adapter = LaneRecordingAdapter()
        let dispatcher = OutboxDispatcher(store: store, clock: VirtualWallClock(start: start))
        await dispatcher.register(adapter)
        await dispatcher.drain()
        #expect(adapter.performed == ["acknowledged": .urgent, "page": .urgent, "reminder": .normal])
    }
}

/// Records the lane each action was performed in, by its text.
private final class LaneRecordingAdapter: ChatAdapter {
    let platform = Platform.console
    private let log = Mutex<[String: OutboxLane]>([:])

    func events() -> AsyncStream<InboundEvent> { AsyncStream { $0.finish() } }
    func run() async throws {}
    func stop() async {}

    func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
        throw DeliveryError.permanent("the outbox must say which lane")
    }

    func perform(_ action: OutboundAction, idempotencyKey: String, lane: OutboxLane) async throws -> DeliveryReceipt {
        let text: String
        switch action {
        case .send(_, let body), .replyPrivately(_, let body, _), .page(_, let body, _, _): text = body
        case .react(_, _, let emoji): text = emoji
        }
        log.withLock { $0[text] = lane }
        return DeliveryReceipt(messageID: idempotencyKey)
    }

    var performed: [String: OutboxLane] { log.withLock { $0 } }
}

/// Performs pages at once and holds every normal-lane send until `gate` opens.
private final class GatedAdapter: ChatAdapter {
    let platform = Platform.console
    let gate = TestGate()
    let firstBulkSendStarted = TestGate()
    private let log = Mutex<[String]>([])

    func events() -> AsyncStream<InboundEvent> { AsyncStream { $0.finish() } }
    func run() async throws {}
    func stop() async {}

    func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
        if case .send(_, let text) = action {
            await firstBulkSendStarted.open()
            await gate.wait()
            log.withLock { $0.append(text) }
        } else if case .page(_, let text, _, _) = action {
            log.withLock { $0.append(text) }
        }
        return DeliveryReceipt(messageID: idempotencyKey)
    }

    var performed: [String] { log.withLock { $0 } }
}

/// Waiters block until `open()`; once open it stays open.
private actor TestGate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}

extension OutboxLaneTests {
    /// Polls `condition` until it holds or a generous deadline passes: a guard
    /// so a regression fails instead of hanging, not a timing assertion (the
    /// caller's `#expect` after it says what was wrong).
    func waitUntil(seconds: Double = 60, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !condition(), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
