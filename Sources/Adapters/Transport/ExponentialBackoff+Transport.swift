import PeerBot

extension ExponentialBackoff {
    /// The wait before retry `attempt` (0-based): full-jitter backoff, but never
    /// less than what the server asked for (`Retry-After`, `retry_after`, …).
    public func retryDelay(attempt: Int, random: Double = Double.random(in: 0..<1), hint: Duration?) -> Duration {
        let jittered = Duration.transportSeconds(delay(attempt: attempt, random: random))
        guard let hint else { return jittered }
        return max(jittered, hint)
    }
}
