import Adapters
import Foundation
import LoopbackPeers

/// Resident memory added per idle WebSocket connection: RSS before and after
/// opening 100 connections on one client (one libwebsockets context).
@MainActor
final class WebSocketIdleMemoryBenchmark: Benchmark {
    private let connections = 100
    private var peer: LoopbackPeer?
    private var client: WebSocketClient?

    var name: String { "websocket idle connection, RSS each" }
    var unit: String { "KiB per connection (100 open)" }

    func setUp() async throws {
        peer = try await LoopbackPeer.start(.webSocket)
        var configuration = WebSocketClientConfiguration()
        configuration.maxConnections = connections + 8
        client = try WebSocketClient(configuration: configuration)
    }

    func sample() async throws -> Double {
        guard let client, let peer else { throw LoopbackPeerError("not set up") }
        let before = ResidentMemory.read().residentKiB
        var open: [WebSocketConnection] = []
        for _ in 0..<connections {
            open.append(try await client.connect(to: peer.url("ws", "/echo")))
        }
        let after = ResidentMemory.read().residentKiB
        for connection in open { await connection.close() }
        return Double(after - before) / Double(connections)
    }

    func tearDown() async {
        await client?.shutdown()
        peer?.stop()
    }
}
