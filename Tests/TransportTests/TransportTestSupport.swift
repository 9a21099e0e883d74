import Adapters
import Foundation
import LoopbackPeers
import Testing

/// Shared fixtures for the transport tests.
enum Fixtures {
    /// One WebSocket client (one libwebsockets context) for the whole test run,
    /// as in production; tests about the client's own lifecycle make their own.
    static let webSocketClient: WebSocketClient? = try? WebSocketClient()

    static func sharedWebSocketClient() throws -> WebSocketClient {
        guard let client = webSocketClient else { throw LoopbackPeerError("the shared WebSocket client could not start") }
        return client
    }

    /// The test CA and certificates, generated once per test run.
    static let certificates: Result<TestCertificates, any Error> = Result { try TestCertificates.generate() }
}

/// Runs `body` with a freshly started loopback peer and kills the peer afterwards.
func withPeer<T>(_ script: LoopbackPeer.Script, arguments: [String] = [], _ body: (LoopbackPeer) async throws -> T) async throws -> T {
    let peer = try await LoopbackPeer.start(script, arguments: arguments)
    defer { peer.stop() }
    return try await body(peer)
}

/// Fails instead of hanging when `operation` has not finished after `seconds` — a
/// guard against a broken transport wedging the suite, not a timing assertion.
func withHangGuard<T: Sendable>(_ seconds: Double = 30, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw LoopbackPeerError("the operation did not finish within \(seconds) s (hang guard)")
        }
        return value
    }
}
