import Synchronization

/// An adapter that keeps everything in memory: tests and benchmarks push
/// events into it and read back what the bot performed.
public final class InMemoryAdapter: ChatAdapter {
    public let platform: Platform
    private let stream: AsyncStream<InboundEvent>
    private let continuation: AsyncStream<InboundEvent>.Continuation
    private let state = Mutex<State>(State())

    private struct State {
        var performed: [OutboundAction] = []
        var keys: [String] = []
        var failures: [DeliveryError] = []
        /// Never reset, so message ids stay unique like a platform's.
        var delivered = 0
    }

    public init(platform: Platform = .console) {
        self.platform = platform
        (stream, continuation) = AsyncStream.makeStream(of: InboundEvent.self)
    }

    public func events() -> AsyncStream<InboundEvent> { stream }
    public func run() async throws {}
    public func stop() async { continuation.finish() }

    /// Queues an event as if the platform had delivered it.
    public func push(_ event: InboundEvent) {
        continuation.yield(event)
    }

    /// Makes the next deliveries fail with these errors, in order.
    public func failNext(_ errors: [DeliveryError]) {
        state.withLock { $0.failures.append(contentsOf: errors) }
    }

    public func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
        try state.withLock { state in
            if !state.failures.isEmpty { throw state.failures.removeFirst() }
            state.performed.append(action)
            state.keys.append(idempotencyKey)
            state.delivered += 1
            return DeliveryReceipt(messageID: "m\(state.delivered)")
        }
    }

    /// Everything performed so far, in order.
    public var performed: [OutboundAction] { state.withLock { $0.performed } }
    /// The idempotency keys of the performed actions, in order.
    public var idempotencyKeys: [String] { state.withLock { $0.keys } }

    /// Forgets what was performed.
    public func clear() {
        state.withLock {
            $0.performed.removeAll()
            $0.keys.removeAll()
        }
    }
}
