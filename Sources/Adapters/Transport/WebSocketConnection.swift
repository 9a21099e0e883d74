import Foundation

/// One open WebSocket connection from a `WebSocketClient`.
///
/// Read `messages`; `send` queues a message (suspending while the bounded
/// queue is full); `close` runs the closing handshake. Dropping the last
/// reference closes the connection with 1001 (going away).
public final class WebSocketConnection: Sendable {
    private let session: WebSocketSession

    init(session: WebSocketSession) {
        self.session = session
    }

    deinit {
        session.requestClose(code: .goingAway, reason: "")
    }

    /// Inbound messages, in order.
    public var messages: WebSocketInbound { WebSocketInbound(session: session) }

    /// The subprotocol the server chose, if any.
    public var subprotocol: String? { session.shared.withLock { $0.subprotocol } }

    /// The Close frame of the closing handshake once the connection has ended
    /// cleanly; nil while open or when it ended without one.
    public var closeFrame: WebSocketCloseFrame? { session.shared.withLock { $0.closeFrame } }

    /// True until the connection has ended.
    public var isOpen: Bool { session.shared.withLock { $0.phase == .open } }

    /// Queues a message. Suspends while `sendQueueCapacity` messages are already
    /// waiting. Throws `.emptyMessage` for an empty payload, `.messageTooLarge`
    /// above `maxMessageBytes`, `.closed` once closing.
    public func send(_ message: WebSocketMessage) async throws {
        try await session.send(message)
    }

    /// Queues a text message.
    public func send(text: String) async throws {
        try await session.send(.text(text))
    }

    /// Queues a binary message.
    public func send(binary: Data) async throws {
        try await session.send(.binary(binary))
    }

    /// Writes what is queued, sends a Close frame with `code` and `reason`
    /// (truncated to 123 bytes), and returns when the connection has ended.
    public func close(code: WebSocketCloseCode = .normalClosure, reason: String = "") async {
        session.requestClose(code: code, reason: reason)
        await session.waitUntilFinished()
    }

    /// Returns when the connection has ended, however it ended.
    public func waitUntilClosed() async {
        await session.waitUntilFinished()
    }
}
