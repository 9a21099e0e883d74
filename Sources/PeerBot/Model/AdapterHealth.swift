/// How an adapter's connection to its platform is doing, for `/healthz` and
/// the metrics. An adapter keeps one under a lock and returns a copy from
/// `ChatAdapter.health`; the runtime samples it when a report is asked for.
public struct AdapterHealth: Sendable, Equatable {
    /// The connection's state.
    public var state: AdapterConnectionState
    /// Connections re-established since start (a resumed Discord session, a new Matrix sync loop, …).
    public var reconnects: Int
    /// Times the adapter waited for a platform rate limit since start.
    public var rateLimitWaits: Int

    public init(state: AdapterConnectionState, reconnects: Int = 0, rateLimitWaits: Int = 0) {
        self.state = state
        self.reconnects = reconnects
        self.rateLimitWaits = rateLimitWaits
    }

    /// Connected, nothing counted: what an adapter without a connection reports.
    public static let connected = AdapterHealth(state: .connected)
}

/// The life of an adapter's connection.
public enum AdapterConnectionState: String, Sendable, Equatable {
    /// Starting, not yet connected.
    case connecting
    /// Connected: events flow and actions can be performed.
    case connected
    /// Lost the connection; trying again.
    case reconnecting
    /// Not connected and not trying (a fatal error such as a revoked token).
    case disconnected
    /// Stopped on purpose (shutdown, end of console input).
    case stopped

    /// True only when connected.
    public var isConnected: Bool { self == .connected }
}
