/// Follows the events handed to the runtime until it reports them handled,
/// so the sync position advances only past handled events.
actor MatrixEventTracker {
    /// Event ids in the order yielded (nil for events with nothing to record).
    private var pending: [String?] = []
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// Set by `cancel()`: nothing will be handled any more, so nothing is awaited.
    private var cancelled = false

    /// Notes an event about to be yielded; false once stopping (do not yield it).
    func expect(_ eventID: String?) -> Bool {
        guard !cancelled else { return false }
        pending.append(eventID)
        return true
    }

    /// The runtime handled the oldest pending event; returns its id.
    func handled() -> String?? {
        guard !pending.isEmpty else { return nil }
        return pending.removeFirst()
    }

    /// Wakes whoever waits when nothing is pending any more.
    func resumeIfIdle() {
        guard pending.isEmpty || cancelled else { return }
        let ready = waiters
        waiters.removeAll()
        for waiter in ready { waiter.resume() }
    }

    /// Returns when every yielded event was handled, or at once when stopping.
    func waitUntilIdle() async {
        if pending.isEmpty || cancelled { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Stops tracking for good: drops what is pending and wakes waiters.
    func cancel() {
        cancelled = true
        pending.removeAll()
        resumeIfIdle()
    }
}
