import Foundation

extension Bot {
    /// Runs every job due at the clock's time, one transaction each, and returns
    /// how many ran. A job is marked finished in the same transaction as the
    /// outbox entries it produces, so an occurrence runs at most once even when
    /// two processes share the database or the process dies mid-way.
    @discardableResult
    public func runDueJobs() -> Int {
        // A job reads what features counted in memory, so that is written first.
        flushFeatures()
        var count = 0
        while let outcome = runNextDueJob() {
            if outcome { count += 1 }
        }
        return count
    }

    /// Lets every feature set itself up at start (one transaction), for example
    /// to schedule its recurring jobs.
    public func prepare() {
        inTransaction("prepare", platform: Platform(rawValue: "core")) { context in
            for feature in features { try feature.prepare(context: context) }
        }
    }

    /// Writes what every feature keeps in memory to the store (`Feature.flush`),
    /// in one deferred transaction: nothing to write costs no locking.
    public func flushFeatures() {
        inTransaction("flush", platform: Platform(rawValue: "core"), deferred: true) { context in
            for feature in features { try feature.flush(context: context) }
        }
    }

    /// The due time of the earliest pending job.
    public func nextJobDue() -> Date? {
        try? store.read { try $0.earliestPendingJob() }
    }

    /// Runs one due job. Returns nil when none is due, true when it ran, false when skipped or failed.
    private func runNextDueJob() -> Bool? {
        let now = clock.now
        let grace = configuration.scheduler.missedJobGrace
        let tally = MetricsTally()
        do {
            let outcome = try store.write { transaction -> Bool? in
                guard let job = try transaction.nextDueJob(notAfter: now) else { return nil }
                let lateness = now.timeIntervalSince(job.dueAt)
                if job.missedPolicy == .withinGrace, lateness > grace {
                    try transaction.finishJob(job.id, state: .skipped, at: now)
                    try jobRunners[job.kind]?.missed(
                        job, context: BotContext(store: transaction, now: now, configuration: configuration, tally: tally))
                    logger.notice(
                        "missed job skipped",
                        metadata: ["kind": "\(job.kind)", "late_seconds": "\(Int(lateness))"])
                    return false
                }
                try transaction.finishJob(job.id, state: .done, at: now)
                guard let runner = jobRunners[job.kind] else {
                    logger.warning("no feature runs this job kind", metadata: ["kind": "\(job.kind)"])
                    return false
                }
                try runner.run(job, context: BotContext(store: transaction, now: now, configuration: configuration, tally: tally))
                return true
            }
            report(tally)
            return outcome
        } catch {
            // The transaction rolled back; mark the job so it cannot fail in a loop.
            logger.error("job failed", metadata: ["error": "\(error)"])
            _ = try? store.write { transaction in
                if let job = try transaction.nextDueJob(notAfter: now) {
                    try transaction.finishJob(job.id, state: .skipped, at: now)
                }
            }
            return false
        }
    }
}
