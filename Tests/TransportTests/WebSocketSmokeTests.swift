import Adapters
import Foundation
import LoopbackPeers
import Testing

@Suite struct WebSocketSmokeTests {
    @Test func echoOne() async throws {
        try await withPeer(.webSocket) { peer in
            let client = try Fixtures.sharedWebSocketClient()
            let connection = try await client.connect(to: peer.url("ws", "/echo"))
            try await connection.send(text: "hello")
            var iterator = connection.messages.makeAsyncIterator()
            let reply = try await iterator.next()
            #expect(reply == .text("hello"))
            await connection.close()
            #expect(connection.closeFrame?.code == .normalClosure)
        }
    }
}
