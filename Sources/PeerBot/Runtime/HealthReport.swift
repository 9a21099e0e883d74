import Foundation

/// What `/healthz` answers: each adapter's connection, the outbox and the
/// tickets. Healthy when every adapter is connected, the outbox is not stuck,
/// the database answers and the bot is not shutting down.
public struct HealthReport: Sendable, Equatable {
    /// One adapter's line.
    public struct AdapterLine: Sendable, Equatable {
        public var platform: Platform
        public var state: AdapterConnectionState
        public var reconnects: Int
        public var rateLimitWaits: Int
        public var connected: Bool { state.isConnected }

        public init(platform: Platform, health: AdapterHealth) {
            self.platform = platform
            state = health.state
            reconnects = health.reconnects
            rateLimitWaits = health.rateLimitWaits
        }
    }

    public var adapters: [AdapterLine]
    /// Outbox entries waiting for delivery.
    public var outboxDepth: Int
    /// How long the oldest waiting entry has waited; nil when none waits.
    public var oldestPendingAge: TimeInterval?
    /// The outbox counts as stuck when its oldest entry waited longer than this.
    public var outboxStuckAfter: TimeInterval
    /// Open or acknowledged tickets.
    public var openTickets: Int
    /// Open tickets nobody has acknowledged.
    public var unacknowledgedTickets: Int
    /// False when the database could not be read (the numbers above are then 0).
    public var storeReadable: Bool
    /// True once a shutdown began.
    public var stopping: Bool

    public init(
        adapters: [AdapterLine], outboxDepth: Int = 0, oldestPendingAge: TimeInterval? = nil,
        outboxStuckAfter: TimeInterval = 600, openTickets: Int = 0, unacknowledgedTickets: Int = 0,
        storeReadable: Bool = true, stopping: Bool = false
    ) {
        self.adapters = adapters
        self.outboxDepth = outboxDepth
        self.oldestPendingAge = oldestPendingAge
        self.outboxStuckAfter = outboxStuckAfter
        self.openTickets = openTickets
        self.unacknowledgedTickets = unacknowledgedTickets
        self.storeReadable = storeReadable
        self.stopping = stopping
    }

    /// The oldest entry has waited longer than `outboxStuckAfter`.
    public var outboxStuck: Bool { (oldestPendingAge ?? 0) > outboxStuckAfter }

    /// Every adapter connected, the outbox moving, the database readable, not stopping.
    public var healthy: Bool {
        adapters.allSatisfy(\.connected) && !outboxStuck && storeReadable && !stopping
    }

    /// `ok`, `degraded` or `stopping`.
    public var status: String {
        if stopping { return "stopping" }
        return healthy ? "ok" : "degraded"
    }
}
