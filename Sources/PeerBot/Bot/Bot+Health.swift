import Foundation

extension Bot {
    /// The outbox and ticket numbers of a health report, read in one snapshot.
    /// Nonisolated: the health endpoint's thread reads the database directly,
    /// so a busy bot (or a starved task pool) never delays the answer.
    nonisolated func healthReport(adapters: [HealthReport.AdapterLine], outboxStuckAfter: TimeInterval) -> HealthReport {
        var report = HealthReport(adapters: adapters, outboxStuckAfter: outboxStuckAfter)
        let now = clock.now
        do {
            try store.read { transaction in
                report.outboxDepth = try transaction.outboxDepth()
                report.oldestPendingAge = try transaction.oldestPendingOutboxEntry().map { max(0, now.timeIntervalSince($0)) }
                let active = try transaction.activeTickets()
                report.openTickets = active.count
                report.unacknowledgedTickets = active.filter { $0.state == .open }.count
            }
        } catch {
            logger.error("health check cannot read the database", metadata: ["error": "\(error)"])
            report.storeReadable = false
        }
        return report
    }
}
