import Foundation

/// Something that happened to a gateway connection, fed to `GatewaySession`.
public enum GatewayInput: Sendable, Equatable {
    /// The WebSocket opening handshake completed.
    case connected
    /// The connection could not be opened (refused, TLS, handshake).
    case connectFailed
    /// Hello (op 10) with `heartbeat_interval`.
    case hello(heartbeatInterval: Duration)
    /// Heartbeat ACK (op 11).
    case heartbeatAck
    /// Heartbeat (op 1) sent by Discord: answer at once (gateway.mdx "Heartbeat Requests").
    case heartbeatRequested
    /// Dispatch (op 0) with its sequence number and event name; READY carries its session.
    case dispatch(sequence: Int?, name: String, ready: GatewayReadySession? = nil)
    /// Reconnect (op 7).
    case reconnectRequested
    /// Invalid Session (op 9); `d` says whether the session may be resumed.
    case invalidSession(resumable: Bool)
    /// The connection ended without this client closing it: a close code, or nil without a close frame.
    case closed(code: UInt16?)
    /// The clock reached `GatewaySession.nextDeadline`.
    case timerFired
    /// The adapter is shutting down.
    case stopRequested
}
