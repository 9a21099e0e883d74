import Adapters
import Foundation
import LoopbackPeers

/// WebSocket echo on loopback against the Python `websockets` peer: either
/// one message at a time (round trips per second) or pipelined (the reader
/// runs beside the writer; messages per second).
@MainActor
final class WebSocketEchoBenchmark: Benchmark {
    let pipelined: Bool
    private var peer: LoopbackPeer?
    private var client: WebSocketClient?
    private var connection: WebSocketConnection?

    init(pipelined: Bool) {
        self.pipelined = pipelined
    }

    var name: String { pipelined ? "websocket echo, pipelined" : "websocket echo, round trips" }
    var unit: String { pipelined ? "messages/s" : "round trips/s" }
    private var count: Int { pipelined ? 20_000 : 2_000 }

    func setUp() async throws {
        let peer = try await LoopbackPeer.start(.webSocket)
        let client = try WebSocketClient()
        var options = WebSocketOptions()
        options.sendQueueCapacity = 256
        connection = try await client.connect(to: peer.url("ws", "/echo"), options: options)
        self.peer = peer
        self.client = client
    }

    func sample() async throws -> Double {
        guard let connection else { throw LoopbackPeerError("not set up") }
        let count = self.count
        let clock = ContinuousClock()
        let start = clock.now
        if pipelined {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for i in 0..<count { try await connection.send(text: "message \(i)") }
                }
                group.addTask {
                    var iterator = connection.messages.makeAsyncIterator()
                    for _ in 0..<count { _ = try await iterator.next() }
                }
                try await group.waitForAll()
            }
        } else {
            var iterator = connection.messages.makeAsyncIterator()
            for i in 0..<count {
                try await connection.send(text: "message \(i)")
                _ = try await iterator.next()
            }
        }
        return Double(count) / (clock.now - start).seconds
    }

    func tearDown() async {
        await connection?.close()
        await client?.shutdown()
        peer?.stop()
        connection = nil
    }
}
