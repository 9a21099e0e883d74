/// Allows at most `limit` events in any window of `window` (e.g. Discord's
/// gateway: 120 sends per 60 s, docs/topics/Gateway.md "Rate Limiting").
///
/// Callers `acquire` before each send; a caller over the limit waits until
/// the oldest send leaves the window. Urgent callers are granted before
/// waiting normal ones, and `urgentReserve` slots of each window are kept for
/// them (e.g. heartbeats), so normal traffic can never starve them.
public actor SlidingWindowLimiter {
    /// Events allowed per window.
    public let limit: Int
    /// The window length.
    public let window: Duration
    /// Slots per window only urgent callers may use.
    public let urgentReserve: Int

    private let clock: any TransportClock
    private var sent: FIFOQueue<Duration> = FIFOQueue()
    private var waiters = LimiterWaitQueue<Void>()
    private var nextWaiterID: UInt64 = 0
    /// The pending wake-up: one task sleeping until the next grant time; cancelled when no longer needed.
    private var timer: (deadline: Duration, task: Task<Void, Never>)?

    public init(limit: Int, window: Duration, urgentReserve: Int = 0, clock: any TransportClock = SystemTransportClock()) {
        self.limit = max(1, limit)
        self.window = max(window, .milliseconds(1))
        self.urgentReserve = min(max(0, urgentReserve), max(1, limit) - 1)
        self.clock = clock
    }

    deinit {
        timer?.task.cancel()
    }

    /// The number of callers waiting for a slot.
    public var waitingCount: Int { waiters.count }

    /// Events counted in the current window.
    public var usedCount: Int {
        expire(now: clock.now)
        return sent.count
    }

    /// Waits until an event of `priority` is allowed and counts it.
    /// Returns true when the caller had to wait its turn (for the health counters).
    /// Throws `CancellationError` if the calling task is cancelled while waiting.
    @discardableResult
    public func acquire(priority: RequestPriority = .normal) async throws -> Bool {
        try Task.checkCancellation()
        let now = clock.now
        expire(now: now)
        if !waiters.hasWaiters(atOrAbove: priority), hasCapacity(for: priority) {
            sent.append(now)
            return false
        }
        nextWaiterID += 1
        let id = nextWaiterID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiters.append(.init(id: id, key: (), continuation: continuation), priority: priority)
                pump()
            }
        } onCancel: {
            Task { await self.cancelWaiter(id: id) }
        }
        return true
    }

    /// Counts an event if one of `priority` is allowed now, without waiting.
    public func tryAcquire(priority: RequestPriority = .normal) -> Bool {
        let now = clock.now
        expire(now: now)
        guard !waiters.hasWaiters(atOrAbove: priority), hasCapacity(for: priority) else { return false }
        sent.append(now)
        return true
    }

    private func capacity(for priority: RequestPriority) -> Int {
        priority == .urgent ? limit : limit - urgentReserve
    }

    private func hasCapacity(for priority: RequestPriority) -> Bool {
        sent.count < capacity(for: priority)
    }

    private func expire(now: Duration) {
        while let oldest = sent.first, oldest + window <= now {
            _ = sent.popFirst()
        }
    }

    private func cancelWaiter(id: UInt64) {
        waiters.remove(id: id)?.continuation.resume(throwing: CancellationError())
        pump()
    }

    /// Grants waiting callers while slots are free, urgent first.
    private func pump() {
        let now = clock.now
        expire(now: now)
        let granted = waiters.grant { _, priority in
            guard hasCapacity(for: priority) else { return false }
            sent.append(now)
            return true
        }
        for waiter in granted { waiter.continuation.resume() }
        scheduleTimer(now: now)
    }

    /// The instant the next waiter could be granted: when enough old events have left the window.
    private func nextGrantTime() -> Duration? {
        guard !waiters.isEmpty else { return nil }
        let priority: RequestPriority = waiters.count(.urgent) > 0 ? .urgent : .normal
        let excess = sent.count - capacity(for: priority)
        guard excess >= 0 else { return clock.now }
        let times = sent.elements
        return times[min(excess, times.count - 1)] + window
    }

    private func scheduleTimer(now: Duration) {
        setTimer(nextGrantTime(), now: now)
    }

    /// Keeps one wake-up task for `deadline` (none when nil), reusing a pending
    /// one that fires no later, and cancelling any that is no longer wanted.
    private func setTimer(_ deadline: Duration?, now: Duration) {
        guard let deadline else {
            timer?.task.cancel()
            timer = nil
            return
        }
        if let current = timer, current.deadline <= deadline, current.deadline > now { return }
        timer?.task.cancel()
        let clock = self.clock
        let task = Task { [weak self] in
            guard (try? await clock.sleep(until: deadline)) != nil else { return }
            await self?.timerFired(deadline: deadline)
        }
        timer = (deadline, task)
    }

    private func timerFired(deadline: Duration) {
        if timer?.deadline == deadline { timer = nil }
        pump()
    }
}
