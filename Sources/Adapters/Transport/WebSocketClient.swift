import Foundation
import Logging

/// An async WebSocket client over libwebsockets. All its connections share
/// one libwebsockets context, serviced by one dedicated thread.
///
/// Create ONE client per process and pass it to every adapter that needs
/// WebSockets: in libwebsockets 4.1.6 each context leaks about 650 KB, and
/// creating a context reassigns a process-global OpenSSL ex-data index, which
/// makes `wss://` handshakes in flight on another live context fail.
///
/// Call `shutdown()` when done: it closes every connection, destroys the
/// context on the service thread and waits for the thread to end.
public final class WebSocketClient: Sendable {
    public let configuration: WebSocketClientConfiguration
    private let loop: WebSocketServiceLoop

    public init(configuration: WebSocketClientConfiguration = WebSocketClientConfiguration(),
                logger: Logger = Logger(label: "peerbot.websocket")) throws(WebSocketError) {
        self.configuration = configuration
        loop = try WebSocketServiceLoop(configuration: configuration, logger: logger)
    }

    deinit {
        loop.requestStop()
    }

    /// Opens a connection to a `ws://` or `wss://` URL and returns once the
    /// opening handshake has completed. Cancelling the calling task abandons the attempt.
    public func connect(to url: URL, options: WebSocketOptions = WebSocketOptions()) async throws -> WebSocketConnection {
        let endpoint = try WebSocketEndpoint(url: url)
        guard !options.headers.hasInvalidField else {
            throw WebSocketError.invalidRequest("a header name or value contains a forbidden character")
        }
        guard options.subprotocols.allSatisfy({ !$0.isEmpty && !$0.contains(where: { ", \r\n\t".contains($0) }) }) else {
            throw WebSocketError.invalidRequest("a subprotocol name is empty or contains a separator")
        }
        try Task.checkCancellation()
        guard loop.reserveConnection() else {
            throw loop.isStopping ? WebSocketError.clientShutDown : WebSocketError.tooManyConnections
        }
        let session = WebSocketSession(endpoint: endpoint, options: options, loop: loop)
        guard loop.enqueue(.connect(session)) else {
            loop.releaseConnection()
            throw WebSocketError.clientShutDown
        }
        try await session.waitUntilOpen()
        return WebSocketConnection(session: session)
    }

    /// Closes every connection (their readers see `.clientShutDown`), destroys the
    /// libwebsockets context on its thread and returns when that thread has ended.
    public func shutdown() async {
        await loop.stop()
    }

    /// True once `shutdown()` has completed: the context is destroyed and the thread ended.
    public var isShutDown: Bool { loop.isFinished }
}
