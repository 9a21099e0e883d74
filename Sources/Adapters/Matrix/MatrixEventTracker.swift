/// Follows the events handed to the runtime until it reports them handled,
/// so the sync position advances only past handled events.
actor MatrixEventTracker {
    /// Event ids in the order yielded (nil for events with nothing to record).
    private var pending: [String?] = []
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Notes an event about to be yielded.
    func expect(_ eventID: String?) {
        pending.append(eventID)
    }

    /// The runtime handled the oldest pending event; returns its id.
    func handled() -> String?? {
        guard !pending.isEmpty else { return nil }
        return pending.removeFirst()
    }

    /// Wakes whoever waits when nothing is pending any more.
    func resumeIfIdle() {
        guard pending.isEmpty else { return }
        let ready = waiters
        waiters.removeAll()
        for waiter in ready { waiter.resume() }
    }

    /// Returns when every yielded event was handled (or `cancel()` was called).
    func waitUntilIdle() async {
        if pending.isEmpty { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Drops what is pending and wakes waiters (on stop).
    func cancel() {
        pending.removeAll()
        resumeIfIdle()
    }
}
