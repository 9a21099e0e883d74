import Adapters
import Foundation
import LoopbackPeers
import Testing
#if canImport(Glibc)
import Glibc
#endif

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

/// Waits until `condition` holds, yielding between checks; fails after a
/// generous deadline (30 s, so a loaded CI machine is not mistaken for a
/// broken limiter) so a broken limiter cannot wedge the suite.
func eventually(_ what: String = "condition", _ condition: @Sendable () async -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
        if await condition() { return }
        try await Task.sleep(for: .milliseconds(1))
    }
    throw LoopbackPeerError("\(what) never became true")
}

/// A TCP port on 127.0.0.1 with nothing listening (bound, then closed).
func closedPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw LoopbackPeerError("socket() failed") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
            bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
        }
    }
    guard bound else { throw LoopbackPeerError("bind() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Records events from concurrent tasks in the order they happen.
actor Recorder<Value: Sendable> {
    private(set) var values: [Value] = []
    func append(_ value: Value) { values.append(value) }
    var count: Int { values.count }
}
