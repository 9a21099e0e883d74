/// The messages a WebSocket connection receives, in order, fragments
/// reassembled. Iteration ends (returns nil) after a closing handshake —
/// read `WebSocketConnection.closeFrame` for the code and reason — and throws
/// a `WebSocketError` once if the connection failed (e.g. `.idleTimeout`).
///
/// One reader at a time. When the reader falls `receiveBufferCapacity`
/// messages behind, the connection stops reading from the socket until it catches up.
public struct WebSocketInbound: AsyncSequence, Sendable {
    public typealias Element = WebSocketMessage

    let session: WebSocketSession

    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        let session: WebSocketSession

        public mutating func next() async throws -> WebSocketMessage? {
            try await session.nextMessage()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(session: session)
    }
}
