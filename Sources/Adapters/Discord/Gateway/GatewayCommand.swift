import Foundation

/// What `GatewaySession` asks its driver to do, in order.
public enum GatewayCommand: Sendable, Equatable {
    /// Open a new connection to `url` after `delay`.
    case connect(URL, after: Duration)
    /// Send a payload on the current connection.
    case send(GatewaySend)
    /// Close the current connection with `code` and stop reading it.
    case close(code: UInt16)
    /// Stop the shard for good.
    case stop(GatewayStop)
}

/// A payload the session sends. The driver fills in the token, intents and shard.
public enum GatewaySend: Sendable, Equatable {
    /// Identify (op 2): start a new session.
    case identify
    /// Resume (op 6) the session from the last sequence number received.
    case resume(sessionID: String, sequence: Int)
    /// Heartbeat (op 1) with the last sequence number, or null before any dispatch.
    case heartbeat(sequence: Int?)
}

/// Why a gateway session stopped.
public enum GatewayStop: Sendable, Equatable {
    /// The adapter was asked to stop.
    case requested
    /// Discord closed with a code that reconnecting cannot fix (4004, 4010–4014).
    case fatal(GatewayCloseCode)
}
