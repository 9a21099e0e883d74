/// Why a WebSocket operation failed or a connection ended without a closing handshake.
public enum WebSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not `ws://` or `wss://` with a host, or an option is invalid.
    case invalidRequest(String)
    /// The connection or the opening handshake failed (refused, timed out, HTTP error, …).
    case connectFailed(String)
    /// TLS failed: an untrusted or mismatched certificate, or a handshake error.
    case tlsFailed(String)
    /// No pong or other sign of life from the peer within the idle timeout.
    case idleTimeout
    /// The connection dropped without a closing handshake.
    case connectionLost
    /// A message exceeded the size cap (in bytes); the connection was closed with 1009.
    case messageTooLarge(limit: Int)
    /// Empty messages are not sent (libwebsockets aborts on them with permessage-deflate).
    case emptyMessage
    /// The connection is closing or closed; sends are refused.
    case closed(WebSocketCloseFrame?)
    /// The client was shut down.
    case clientShutDown
    /// The client already has as many connections as it was configured for.
    case tooManyConnections

    public var description: String {
        switch self {
        case .invalidRequest(let why): "invalid WebSocket request: \(why)"
        case .connectFailed(let why): "WebSocket connect failed: \(why)"
        case .tlsFailed(let why): "WebSocket TLS failed: \(why)"
        case .idleTimeout: "WebSocket peer silent past the idle timeout"
        case .connectionLost: "WebSocket connection lost"
        case .messageTooLarge(let limit): "WebSocket message larger than \(limit) bytes"
        case .emptyMessage: "empty WebSocket messages are not sent"
        case .closed(let frame):
            if let code = frame?.code { "WebSocket closed (\(code))" } else { "WebSocket closed" }
        case .clientShutDown: "WebSocket client shut down"
        case .tooManyConnections: "too many WebSocket connections"
        }
    }
}
