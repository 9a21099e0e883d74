/// A monotonic clock the rate limiters read and sleep on. Injected so that
/// limiter behaviour is tested without sockets or real waiting
/// (`ManualTransportClock`); production uses `SystemTransportClock`.
public protocol TransportClock: Sendable {
    /// Time elapsed since the clock's origin.
    var now: Duration { get }
    /// Suspends until `now >= deadline`. Throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: Duration) async throws
}

/// The system's monotonic clock (`ContinuousClock`), measured from its creation.
public struct SystemTransportClock: TransportClock {
    private let origin: ContinuousClock.Instant

    public init() {
        origin = ContinuousClock.now
    }

    public var now: Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline, tolerance: nil)
    }
}
