import Foundation

/// Per-route rate limiting learned from response headers, under one global
/// ceiling — Discord's model (docs/topics/Rate_Limits.md): each route reports
/// `X-RateLimit-Remaining` / `-Reset-After` / `-Bucket`; routes sharing a
/// bucket id share one limit per major parameter (`scope`); at most 50
/// requests per second overall; a 429 blocks the route, or everything when global.
///
/// Callers `acquire` before a request and `update` with its response. A route
/// never seen before is allowed at once. Urgent callers are granted before
/// waiting normal ones on the same bucket and on the global ceiling, and
/// `urgentReserve` requests of the global ceiling are theirs alone: normal
/// traffic that fills its share never makes a page wait for a slot.
public actor BucketRateLimiter {
    private struct Key: Hashable, Sendable {
        var route: String
        var scope: String
    }

    private struct Bucket {
        var limit: Int?
        var remaining: Int?
        var resetAt: Duration?
    }

    /// Requests allowed per `globalWindow` across all routes.
    public let globalLimit: Int
    public let globalWindow: Duration
    /// Requests per `globalWindow` that only urgent callers may use.
    public let urgentReserve: Int

    private let clock: any TransportClock
    private var bucketOfRoute: [String: String] = [:]
    private var buckets: [Key: Bucket] = [:]
    private var globalSent: FIFOQueue<Duration> = FIFOQueue()
    private var globalBlockedUntil: Duration?
    private var waiters = LimiterWaitQueue<Key>()
    private var nextWaiterID: UInt64 = 0
    /// The pending wake-up: one task sleeping until the next grant time; cancelled when no longer needed.
    private var timer: (deadline: Duration, task: Task<Void, Never>)?

    public init(
        globalLimit: Int = 50, globalWindow: Duration = .seconds(1), urgentReserve: Int = 0,
        clock: any TransportClock = SystemTransportClock()
    ) {
        self.globalLimit = max(1, globalLimit)
        self.globalWindow = max(globalWindow, .milliseconds(1))
        self.urgentReserve = min(max(0, urgentReserve), self.globalLimit - 1)
        self.clock = clock
    }

    deinit {
        timer?.task.cancel()
    }

    /// The number of callers waiting.
    public var waitingCount: Int { waiters.count }

    /// Waits until a request on `route` (with major parameter `scope`) is allowed and counts it.
    /// Returns true when the caller had to wait its turn (for the health counters).
    /// Throws `CancellationError` if the calling task is cancelled while waiting.
    @discardableResult
    public func acquire(route: String, scope: String = "", priority: RequestPriority = .normal) async throws -> Bool {
        try Task.checkCancellation()
        let key = Key(route: route, scope: scope)
        let now = clock.now
        if !waiters.hasWaiters(atOrAbove: priority), blockedUntil(key, priority: priority, now: now) == nil {
            consume(key, now: now)
            return false
        }
        nextWaiterID += 1
        let id = nextWaiterID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiters.append(.init(id: id, key: key, continuation: continuation), priority: priority)
                pump()
            }
        } onCancel: {
            Task { await self.cancelWaiter(id: id) }
        }
        return true
    }

    /// Records what a response said about its route's limits. `retryAfter`
    /// is the server's hint on a 429 (see `RetryAfter.delay`); without one a
    /// 429 waits for the reported reset, or one second.
    public func update(route: String, scope: String = "", status: Int, headers: RateLimitHeaders, retryAfter: Duration? = nil) {
        let now = clock.now
        if let bucket = headers.bucket { bucketOfRoute[route] = bucket }
        let key = stateKey(Key(route: route, scope: scope))
        if status == 429 {
            let wait = retryAfter ?? headers.resetAfter ?? .seconds(1)
            if headers.isGlobal {
                globalBlockedUntil = max(globalBlockedUntil ?? .zero, now + wait)
            } else {
                var bucket = buckets[key] ?? Bucket()
                bucket.remaining = 0
                bucket.resetAt = now + wait
                bucket.limit = headers.limit ?? bucket.limit
                buckets[key] = bucket
            }
        } else if headers.remaining != nil || headers.limit != nil {
            var bucket = buckets[key] ?? Bucket()
            bucket.limit = headers.limit ?? bucket.limit
            bucket.remaining = headers.remaining ?? bucket.remaining
            if let after = headers.resetAfter { bucket.resetAt = now + after }
            buckets[key] = bucket
        }
        pruneIfLarge(now: now)
        pump()
    }

    /// Reads a response's headers and body with `RetryAfter` and records them.
    public func update(route: String, scope: String = "", response: HTTPResponse, now: Date) {
        let headers = RateLimitHeaders(headers: response.headers, now: now)
        let retry = response.status == 429 ? RetryAfter.delay(headers: response.headers, body: response.body, now: now) : nil
        update(route: route, scope: scope, status: response.status, headers: headers, retryAfter: retry)
    }

    // MARK: - State

    /// Routes that reported the same bucket id share a limit per scope.
    private func stateKey(_ key: Key) -> Key {
        guard let bucket = bucketOfRoute[key.route] else { return key }
        return Key(route: "bucket:" + bucket, scope: key.scope)
    }

    private func expireGlobal(now: Duration) {
        while let oldest = globalSent.first, oldest + globalWindow <= now {
            _ = globalSent.popFirst()
        }
    }

    /// When `key` may next send at `priority`, or nil if it may send now.
    private func blockedUntil(_ key: Key, priority: RequestPriority, now: Duration) -> Duration? {
        var until: Duration?
        if let blocked = globalBlockedUntil {
            if now < blocked { until = blocked } else { globalBlockedUntil = nil }
        }
        expireGlobal(now: now)
        let capacity = priority == .urgent ? globalLimit : globalLimit - urgentReserve
        if globalSent.count >= capacity, let oldest = globalSent.elements.dropLast(capacity - 1).last {
            until = max(until ?? .zero, oldest + globalWindow)
        }
        let stateKey = stateKey(key)
        if var bucket = buckets[stateKey] {
            if let reset = bucket.resetAt, now >= reset {
                bucket.remaining = bucket.limit
                bucket.resetAt = nil
                buckets[stateKey] = bucket
            }
            if let remaining = bucket.remaining, remaining <= 0, let reset = bucket.resetAt {
                until = max(until ?? .zero, reset)
            }
        }
        return until
    }

    private func consume(_ key: Key, now: Duration) {
        globalSent.append(now)
        let stateKey = stateKey(key)
        if var bucket = buckets[stateKey], let remaining = bucket.remaining {
            bucket.remaining = remaining - 1
            buckets[stateKey] = bucket
        }
    }

    private func pruneIfLarge(now: Duration) {
        guard buckets.count > 4096 else { return }
        buckets = buckets.filter { _, bucket in (bucket.resetAt ?? .zero) > now }
    }

    // MARK: - Waiting

    private func cancelWaiter(id: UInt64) {
        waiters.remove(id: id)?.continuation.resume(throwing: CancellationError())
        pump()
    }

    /// Grants waiting callers whose bucket and the global ceiling allow, urgent first.
    private func pump() {
        let now = clock.now
        let granted = waiters.grant { key, priority in
            guard blockedUntil(key, priority: priority, now: now) == nil else { return false }
            consume(key, now: now)
            return true
        }
        for waiter in granted { waiter.continuation.resume() }
        scheduleTimer(now: now)
    }

    private func scheduleTimer(now: Duration) {
        let deadline = waiters.waiting.compactMap { blockedUntil($0.key, priority: $0.priority, now: now) }.min()
        setTimer(deadline, now: now)
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
