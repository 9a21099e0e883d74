import PeerBot

/// Which lane a request waits in at a rate limiter. Urgent requests
/// (facilitator pages, heartbeats) are granted before any waiting normal
/// request, so they never wait behind normal traffic beyond the platform's own limits.
public enum RequestPriority: Sendable, Hashable, Comparable {
    case urgent
    case normal

    /// The priority for an outbox entry's lane.
    public init(_ lane: OutboxLane) {
        switch lane {
        case .urgent: self = .urgent
        case .normal: self = .normal
        }
    }
}
