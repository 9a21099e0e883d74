import PeerBot

/// Tunables of `GatewaySession`. The defaults follow the gateway documentation
/// and common practice of the mature libraries.
public struct GatewaySessionSettings: Sendable {
    /// Resumes that may fail in a row before the session is dropped and a new
    /// one identified (gateway.mdx "Handling a Disconnect": "or the reconnect fails").
    public var maxFailedResumes = 3
    /// How long to wait for Hello after the connection opens before giving up on it.
    public var helloTimeout: Duration = .seconds(20)
    /// Delays between failing connection attempts; full jitter keeps many
    /// clients from reconnecting in step and protects the identify budget.
    public var backoff = ExponentialBackoff(base: 1, cap: 60, floor: 0.25)
    /// After Invalid Session, wait a random time in this range (seconds)
    /// before reconnecting, as Discord's own example clients do.
    public var invalidSessionDelay: ClosedRange<Double> = 1...5
    /// The close code this client uses when it drops a connection but keeps the
    /// session (zombie, op 7): anything but 1000/1001, which would end the
    /// session (gateway.mdx "Initiating a Disconnect").
    public var resumableCloseCode: UInt16 = 4900

    public init() {}
}
