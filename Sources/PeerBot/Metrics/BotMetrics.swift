import CoreMetrics

/// What PeerBot counts, through swift-metrics' API: the core never knows
/// which backend records it (the `peerbot` executable picks Prometheus).
///
/// Built with an explicit factory so that tests get their own registry; the
/// default is swift-metrics' bootstrapped factory (a no-op until bootstrapped).
/// Every family keeps one label set shape, as Prometheus requires.
public struct BotMetrics: Sendable {
    let factory: any MetricsFactory

    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// An inbound event from a platform (`kind`: message, command, reaction, member_joined, unknown).
    public func eventReceived(platform: Platform, kind: String) {
        counter(Name.eventsReceived, [("platform", platform.rawValue), ("kind", kind)]).increment()
    }

    /// An outbox entry performed by an adapter (`action`: send, reply_privately, page, react).
    public func actionDelivered(platform: Platform, action: String) {
        counter(Name.actionsDelivered, [("platform", platform.rawValue), ("action", action)]).increment()
    }

    /// An outbox entry that failed for good.
    public func actionFailed(platform: Platform) {
        counter(Name.actionsFailed, [("platform", platform.rawValue)]).increment()
    }

    /// A delivery that failed transiently and waits for another attempt.
    public func deliveryRetried(platform: Platform) {
        counter(Name.deliveryRetries, [("platform", platform.rawValue)]).increment()
    }

    /// Something a feature did, counted once its transaction committed.
    public func record(_ event: BotMetricEvent) {
        switch event {
        case .page: counter(Name.pages, []).increment()
        case .repage: counter(Name.repages, []).increment()
        case .unanswered: counter(Name.unanswered, []).increment()
        case .crisisOffer(let platform): counter(Name.crisisOffers, [("platform", platform.rawValue)]).increment()
        }
    }

    /// Reconnects an adapter made (a delta since the last sample).
    public func reconnected(platform: Platform, count: Int) {
        guard count > 0 else { return }
        counter(Name.reconnects, [("platform", platform.rawValue)]).increment(by: Int64(count))
    }

    /// Times an adapter waited for a rate limit (a delta since the last sample).
    public func waitedForRateLimit(platform: Platform, count: Int) {
        guard count > 0 else { return }
        counter(Name.rateLimitWaits, [("platform", platform.rawValue)]).increment(by: Int64(count))
    }

    /// The state-like numbers, sampled when the health report is made.
    public func recordGauges(_ report: HealthReport) {
        gauge(Name.outboxDepth, []).record(report.outboxDepth)
        gauge(Name.outboxOldestPending, []).record(report.oldestPendingAge ?? 0)
        gauge(Name.ticketsOpen, []).record(report.openTickets)
        gauge(Name.pagesUnacknowledged, []).record(report.unacknowledgedTickets)
        for adapter in report.adapters {
            gauge(Name.adapterConnected, [("platform", adapter.platform.rawValue)]).record(adapter.connected ? 1 : 0)
        }
    }

    /// The process's memory figures; those the platform cannot give are left out.
    public func recordMemory(_ use: MemoryUse) {
        let figures = [
            (Name.residentMemory, use.residentBytes), (Name.heapInUse, use.heapInUseBytes),
            (Name.heapReserved, use.heapReservedBytes), (Name.storeMemory, use.storeBytes),
        ]
        for case let (name, value?) in figures { gauge(name, []).record(value) }
    }

    /// Creates the families an admin expects to see from the first scrape
    /// (at zero), for these platforms.
    public func registerFamilies(platforms: [Platform]) {
        for name in [Name.pages, Name.repages, Name.unanswered] { counter(name, []).increment(by: 0) }
        for platform in platforms {
            let label = [("platform", platform.rawValue)]
            for name in [Name.actionsFailed, Name.deliveryRetries, Name.crisisOffers, Name.reconnects, Name.rateLimitWaits] {
                counter(name, label).increment(by: 0)
            }
        }
    }

    private func counter(_ name: String, _ dimensions: [(String, String)]) -> Counter {
        Counter(label: name, dimensions: dimensions, factory: factory)
    }

    private func gauge(_ name: String, _ dimensions: [(String, String)]) -> Gauge {
        Gauge(label: name, dimensions: dimensions, factory: factory)
    }
}
