import Foundation

/// Exponential backoff with full jitter and a cap: attempt n waits a random
/// time in [0, min(cap, base × 2ⁿ)]. Full jitter spreads reconnecting clients
/// apart (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
public struct ExponentialBackoff: Sendable {
    /// The first ceiling, in seconds.
    public var base: TimeInterval
    /// The largest ceiling, in seconds.
    public var cap: TimeInterval
    /// The smallest delay returned, so a retry never spins.
    public var floor: TimeInterval

    public init(base: TimeInterval = 1, cap: TimeInterval = 300, floor: TimeInterval = 0.05) {
        self.base = base
        self.cap = cap
        self.floor = floor
    }

    /// The ceiling for attempt `attempt` (0-based).
    public func ceiling(attempt: Int) -> TimeInterval {
        let exponent = Double(min(max(attempt, 0), 30))
        return min(cap, base * pow(2, exponent))
    }

    /// A delay for attempt `attempt`, drawing jitter from `random` (a value in 0..<1).
    public func delay(attempt: Int, random: Double) -> TimeInterval {
        max(floor, ceiling(attempt: attempt) * min(max(random, 0), 1))
    }

    /// A delay using the system random generator.
    public func delay(attempt: Int) -> TimeInterval {
        delay(attempt: attempt, random: Double.random(in: 0..<1))
    }
}
