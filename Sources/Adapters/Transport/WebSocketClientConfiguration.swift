/// Settings shared by every connection of a `WebSocketClient` (one libwebsockets context).
public struct WebSocketClientConfiguration: Sendable {
    /// The most connections open at once (sizes libwebsockets' tables, which
    /// otherwise follow `ulimit -n`). Default 64.
    public var maxConnections = 64
    /// Time allowed for TCP connect, TLS and the opening handshake. Whole seconds; default 15 s.
    public var connectTimeout: Duration = .seconds(15)

    public init() {}
}
