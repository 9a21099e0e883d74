import Adapters
import Foundation
import LoopbackPeers
import Testing

/// Tests that create a client (a libwebsockets context) of their own.
///
/// libwebsockets 4.1.6 reassigns a process-global OpenSSL ex-data index each
/// time a context is created, and a `wss://` handshake in flight on another
/// context then fails ("can't get wsi from ssl privdata"). So these tests and
/// the TLS tests run one at a time, inside `WebSocketContextTests`.
extension WebSocketContextTests {
    @Suite struct Lifecycle {
        @Test func shutdownClosesConnectionsAndEndsTheServiceThread() async throws {
            try await withPeer(.webSocket) { peer in
                let client = try WebSocketClient()
                let connections = try await withThrowingTaskGroup(of: WebSocketConnection.self) { group in
                    for _ in 0..<10 { group.addTask { try await client.connect(to: peer.url("ws", "/echo")) } }
                    var all: [WebSocketConnection] = []
                    for try await connection in group { all.append(connection) }
                    return all
                }
                for (index, connection) in connections.enumerated() { try await connection.send(text: "hello \(index)") }
                for (index, connection) in connections.enumerated() {
                    var iterator = connection.messages.makeAsyncIterator()
                    #expect(try await iterator.next() == .text("hello \(index)"))
                }
                await client.shutdown()
                #expect(client.isShutDown)
                for connection in connections {
                    var iterator = connection.messages.makeAsyncIterator()
                    await #expect(throws: WebSocketError.clientShutDown) { _ = try await iterator.next() }
                    #expect(!connection.isOpen)
                }
                await #expect(throws: WebSocketError.clientShutDown) {
                    _ = try await client.connect(to: peer.url("ws", "/echo"))
                }
            }
        }

        @Test func theConnectionLimitIsEnforced() async throws {
            try await withPeer(.webSocket) { peer in
                var configuration = WebSocketClientConfiguration()
                configuration.maxConnections = 2
                let client = try WebSocketClient(configuration: configuration)
                let first = try await client.connect(to: peer.url("ws", "/echo"))
                let second = try await client.connect(to: peer.url("ws", "/echo"))
                await #expect(throws: WebSocketError.tooManyConnections) {
                    _ = try await client.connect(to: peer.url("ws", "/echo"))
                }
                await first.close()
                let third = try await client.connect(to: peer.url("ws", "/echo"))
                await second.close()
                await third.close()
                await client.shutdown()
            }
        }

        @Test func droppingAConnectionClosesIt() async throws {
            try await withPeer(.webSocket) { peer in
                var configuration = WebSocketClientConfiguration()
                configuration.maxConnections = 1
                let client = try WebSocketClient(configuration: configuration)
                do {
                    let connection = try await client.connect(to: peer.url("ws", "/echo"))
                    try await connection.send(text: "bye")
                }
                // The dropped connection closes with 1001 and gives its slot back.
                let again = try await withHangGuard(20) {
                    var lastError: (any Error)?
                    for _ in 0..<200 {
                        do { return try await client.connect(to: peer.url("ws", "/echo")) } catch { lastError = error }
                        try await Task.sleep(for: .milliseconds(25))
                    }
                    throw lastError ?? WebSocketError.tooManyConnections
                }
                await again.close()
                await client.shutdown()
            }
        }

        @Test func aHandshakeThatNeverCompletesTimesOut() async throws {
            try await withPeer(.http) { peer in
                var configuration = WebSocketClientConfiguration()
                configuration.connectTimeout = .seconds(1)
                let client = try WebSocketClient(configuration: configuration)
                let url = peer.url("ws", "/never")
                let outcome = try await withHangGuard(20) { await Result { try await client.connect(to: url) } }
                #expect(throws: WebSocketError.self) { try outcome.get() }
                await client.shutdown()
            }
        }
    }
}
