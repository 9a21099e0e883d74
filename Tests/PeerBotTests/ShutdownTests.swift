import Foundation
import Synchronization
import Testing
@testable import PeerBot

/// A stop request (SIGTERM, SIGINT): no new events, the outbox delivered
/// within the deadline or kept for the next start, adapters closed.
@Suite struct ShutdownTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let general = ChannelRef(platform: .console, space: "console", id: "general", name: "general")

    /// An adapter that delivers its first action, and then never finishes a
    /// delivery again (a platform that stopped answering).
    final class HangingAdapter: ChatAdapter {
        let platform = Platform.console
        private let stream: AsyncStream<InboundEvent>
        let continuation: AsyncStream<InboundEvent>.Continuation
        private let state = Mutex((stopped: false, delivered: 0))

        init() { (stream, continuation) = AsyncStream.makeStream(of: InboundEvent.self) }
        func events() -> AsyncStream<InboundEvent> { stream }
        func run() async throws {}
        func stop() async {
            state.withLock { $0.stopped = true }
            continuation.finish()
        }
        var wasStopped: Bool { state.withLock { $0.stopped } }
        var delivered: Int { state.withLock { $0.delivered } }
        func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
            let first = state.withLock { state in
                defer { state.delivered += 1 }
                return state.delivered == 0
            }
            if !first { try await Task.sleep(for: .seconds(3600)) }
            return DeliveryReceipt()
        }
    }

    func makeBot(store: SQLiteStore, clock: VirtualWallClock) throws -> Bot {
        try Bot(configuration: BotConfiguration(), store: store, clock: clock, features: [ResourcesFeature(directory: try Fixtures.resourceDirectory())])
    }

    @Test func aStopDeliversWhatIsPendingClosesAdaptersAndTakesNoMoreEvents() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("stop.sqlite"))
        let clock = VirtualWallClock(start: start)
        let adapter = InMemoryAdapter()
        let runtime = BotRuntime(
            bot: try makeBot(store: store, clock: clock), dispatcher: OutboxDispatcher(store: store, clock: clock), clock: clock,
            adapters: [adapter])
        let running = Task { await runtime.run() }
        // The runtime is consuming once an event's answer comes back.
        adapter.push(.message(InboundMessage(id: "1", author: BotHarness.member("alice"), authorRole: .member, channel: Self.general, text: "!resources")))
        while adapter.performed.isEmpty { await Task.yield() }

        // An entry queued (by another handler, a job) but not yet delivered when the signal comes.
        try store.write { _ = try $0.enqueue(.send(channel: Self.general, text: "pending at stop"), lane: .urgent, tag: nil, at: start) }
        runtime.requestStop()
        runtime.requestStop()
        let outcome = await running.value

        #expect(outcome.stopRequested)
        #expect(outcome.flushed)
        #expect(outcome.adaptersClosed)
        #expect(outcome.outboxPending == 0)
        #expect(adapter.performed.compactMap(\.text).last == "pending at stop")
        // The adapter was stopped: its stream is finished, so a later event is never handled.
        adapter.clear()
        adapter.push(.message(InboundMessage(id: "2", author: BotHarness.member("bob"), authorRole: .member, channel: Self.general, text: "!resources")))
        #expect(try store.read { try $0.outboxDepth() } == 0)
        #expect(adapter.performed.isEmpty)
        #expect(runtime.health().stopping)
    }

    @Test func whatCannotBeDeliveredInTimeIsKeptUnclaimedForTheNextStart() async throws {
        let temporary = TemporaryDirectory()
        let path = temporary.path("kept.sqlite")
        let store = try SQLiteStore(path: path)
        let clock = VirtualWallClock(start: start)
        let hanging = HangingAdapter()
        let runtime = BotRuntime(
            bot: try makeBot(store: store, clock: clock), dispatcher: OutboxDispatcher(store: store, clock: clock), clock: clock,
            adapters: [hanging], flushDeadline: .milliseconds(200))
        let running = Task { await runtime.run() }
        hanging.continuation.yield(
            .message(InboundMessage(id: "1", author: BotHarness.member("alice"), authorRole: .member, channel: Self.general, text: "!resources")))
        while hanging.delivered == 0 { await Task.yield() }
        try store.write { _ = try $0.enqueue(.send(channel: Self.general, text: "page"), lane: .urgent, tag: "ticket:1:tier:1", at: start) }
        runtime.requestStop()
        let outcome = await running.value

        #expect(outcome.stopRequested)
        #expect(!outcome.flushed)
        #expect(outcome.outboxPending == 1)
        #expect(hanging.wasStopped)
        #expect(try store.read { try $0.outboxClaimOwners() }.isEmpty)

        // The next start (another process on the same file) delivers it at once, as a first attempt.
        let next = InMemoryAdapter()
        let dispatcher = OutboxDispatcher(store: try SQLiteStore(path: path), clock: clock)
        await dispatcher.register(next)
        await dispatcher.drain()
        #expect(next.performed.compactMap(\.text) == ["page"])
    }

    @Test func theEndOfInputIsNotAStop() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("eof.sqlite"))
        let clock = VirtualWallClock(start: start)
        let adapter = InMemoryAdapter()
        let runtime = BotRuntime(
            bot: try makeBot(store: store, clock: clock), dispatcher: OutboxDispatcher(store: store, clock: clock), clock: clock,
            adapters: [adapter])
        adapter.push(.message(InboundMessage(id: "1", author: BotHarness.member("alice"), authorRole: .member, channel: Self.general, text: "!resources")))
        await adapter.stop()
        let outcome = await runtime.run()
        #expect(!outcome.stopRequested)
        #expect(outcome.outboxPending == 0)
        #expect(adapter.performed.count == 1)
        #expect(runtime.health().adapters.map(\.state) == [.stopped])
    }

    /// An adapter whose connection never ends, whatever it is told.
    final class StuckAdapter: ChatAdapter {
        let platform = Platform.console
        private let stream = AsyncStream<InboundEvent> { _ in }
        func events() -> AsyncStream<InboundEvent> { stream }
        func run() async throws {
            // Ignores cancellation too: only the process ending stops it.
            while true { try? await Task.sleep(for: .seconds(3600)) }
        }
        func stop() async {}
        func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt { DeliveryReceipt() }
    }

    @Test func anAdapterThatNeverClosesDoesNotHoldTheStop() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("stuck.sqlite"))
        let clock = VirtualWallClock(start: start)
        let runtime = BotRuntime(
            bot: try makeBot(store: store, clock: clock), dispatcher: OutboxDispatcher(store: store, clock: clock), clock: clock,
            adapters: [StuckAdapter()], stopGrace: .milliseconds(200))
        runtime.requestStop()
        let outcome = await runtime.run()
        #expect(outcome.stopRequested)
        #expect(outcome.flushed)
        #expect(!outcome.adaptersClosed)
    }
}
