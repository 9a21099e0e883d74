/// The requests waiting at a rate limiter, in two FIFO lanes. Granting walks
/// the urgent lane before the normal one, so a free slot always goes to the
/// oldest urgent request first.
struct LimiterWaitQueue<Key: Sendable>: Sendable {
    struct Waiter: Sendable {
        var id: UInt64
        var key: Key
        var continuation: CheckedContinuation<Void, any Error>
    }

    private var urgent: [Waiter] = []
    private var normal: [Waiter] = []

    var count: Int { urgent.count + normal.count }
    var isEmpty: Bool { urgent.isEmpty && normal.isEmpty }

    func count(_ priority: RequestPriority) -> Int {
        priority == .urgent ? urgent.count : normal.count
    }

    /// True when a new request of `priority` would have to queue behind someone.
    func hasWaiters(atOrAbove priority: RequestPriority) -> Bool {
        priority == .urgent ? !urgent.isEmpty : !isEmpty
    }

    mutating func append(_ waiter: Waiter, priority: RequestPriority) {
        if priority == .urgent { urgent.append(waiter) } else { normal.append(waiter) }
    }

    /// Removes the waiter with `id`, if it is still waiting.
    mutating func remove(id: UInt64) -> Waiter? {
        if let index = urgent.firstIndex(where: { $0.id == id }) { return urgent.remove(at: index) }
        if let index = normal.firstIndex(where: { $0.id == id }) { return normal.remove(at: index) }
        return nil
    }

    /// Removes and returns, in grant order, every waiter that `tryGrant`
    /// accepts; `tryGrant` consumes the capacity it grants.
    mutating func grant(_ tryGrant: (Key, RequestPriority) -> Bool) -> [Waiter] {
        var granted: [Waiter] = []
        urgent.removeAll { waiter in
            guard tryGrant(waiter.key, .urgent) else { return false }
            granted.append(waiter)
            return true
        }
        normal.removeAll { waiter in
            guard tryGrant(waiter.key, .normal) else { return false }
            granted.append(waiter)
            return true
        }
        return granted
    }

    /// The keys of all waiters with their lanes, urgent first.
    var waiting: [(key: Key, priority: RequestPriority)] {
        urgent.map { ($0.key, .urgent) } + normal.map { ($0.key, .normal) }
    }

    /// Empties both lanes.
    mutating func removeAll() -> [Waiter] {
        defer { urgent = []; normal = [] }
        return urgent + normal
    }
}
