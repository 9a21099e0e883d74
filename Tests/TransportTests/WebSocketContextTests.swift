import Testing

/// WebSocket tests that must not overlap: TLS handshakes and the creation of
/// further libwebsockets contexts (see `WebSocketContextTests.Lifecycle`).
@Suite(.serialized) struct WebSocketContextTests {}
