/// Per-connection settings for `WebSocketClient.connect`.
public struct WebSocketOptions: Sendable {
    /// Extra handshake headers, e.g. `Authorization`.
    public var headers: HTTPHeaders = [:]
    /// Subprotocols offered in `Sec-WebSocket-Protocol`, in preference order.
    public var subprotocols: [String] = []
    /// A PEM file of CA certificates to trust for `wss://` instead of the system store.
    /// Verification (chain and host name) is always on.
    public var caFile: String?
    /// Offer permessage-deflate (RFC 7692). Default on.
    public var compression = true
    /// Send a ping after this long without a pong. Whole seconds, at least 1; default 30 s.
    public var pingInterval: Duration = .seconds(30)
    /// Drop the connection after this long without a pong. Whole seconds, greater than
    /// `pingInterval` (raised if not); default 60 s.
    public var idleTimeout: Duration = .seconds(60)
    /// The largest inbound message accepted, in bytes; a larger one closes the connection
    /// with 1009. Default 16 MiB.
    public var maxMessageBytes = 16 << 20
    /// Messages that may wait to be written; `send` suspends while the queue is full. Default 64.
    public var sendQueueCapacity = 64
    /// Messages received but not yet consumed before reading from the socket pauses. Default 1024.
    public var receiveBufferCapacity = 1024

    public init() {}

    /// The ping interval and idle timeout in whole seconds, with the timeout
    /// strictly greater (libwebsockets asserts on it).
    var keepAliveSeconds: (ping: UInt16, hangup: UInt16) {
        let ping = min(pingInterval.transportSeconds(), UInt16.max - 1)
        let hangup = max(idleTimeout.transportSeconds(), ping + 1)
        return (ping, hangup)
    }
}
