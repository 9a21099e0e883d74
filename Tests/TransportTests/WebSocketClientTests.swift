import Adapters
import Foundation
import LoopbackPeers
import Testing

@Suite struct WebSocketClientTests {
    var client: WebSocketClient { get throws { try Fixtures.sharedWebSocketClient() } }

    @Test func tenThousandMessagesAreEchoedInOrder() async throws {
        try await withPeer(.webSocket) { peer in
            let connection = try await client.connect(to: peer.url("ws", "/echo"))
            let count = 10_000
            let received = try await withHangGuard(60) {
                try await withThrowingTaskGroup(of: [String].self) { group in
                    group.addTask {
                        for index in 0..<count { try await connection.send(text: "message \(index)") }
                        return []
                    }
                    group.addTask {
                        var texts: [String] = []
                        for try await message in connection.messages {
                            texts.append(message.text ?? "(binary)")
                            if texts.count == count { break }
                        }
                        return texts
                    }
                    var all: [String] = []
                    for try await texts in group { all += texts }
                    return all
                }
            }
            #expect(received.count == count)
            #expect(received == (0..<count).map { "message \($0)" })
            await connection.close()
        }
    }

    @Test func aOneMegabyteMessageRoundTrips() async throws {
        try await withPeer(.webSocket) { peer in
            let connection = try await client.connect(to: peer.url("ws", "/echo"))
            let binary = Data((0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) })
            let text = String(repeating: "peer support ✓ ", count: 1_000_000 / 16)
            try await connection.send(binary: binary)
            try await connection.send(text: text)
            var iterator = connection.messages.makeAsyncIterator()
            #expect(try await iterator.next() == .binary(binary))
            #expect(try await iterator.next() == .text(text))
            await connection.close()
        }
    }

    @Test func fragmentedMessagesAreReassembled() async throws {
        try await withPeer(.webSocket) { peer in
            let connection = try await client.connect(to: peer.url("ws", "/fragments"))
            var iterator = connection.messages.makeAsyncIterator()
            #expect(try await iterator.next() == .text("fragmented text"))
            #expect(try await iterator.next() == .binary(Data([0, 1, 2, 3, 4])))
            #expect(try await iterator.next() == .text(String(repeating: "x", count: 100_000)))
            await connection.close()
        }
    }

    @Test(arguments: [(UInt16(1000), "goodbye"), (4000, "unknown error"), (4004, "authentication failed")])
    func serverCloseCodesAndReasonsAreSurfaced(code: UInt16, reason: String) async throws {
        try await withPeer(.webSocket) { peer in
            let query = reason.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let expected = WebSocketCloseFrame(code: WebSocketCloseCode(code), reason: reason, initiatedByPeer: true)
            // The peer closes right after the handshake; under load the close can
            // reach the client before `connect` returns, and then it is thrown
            // with the same frame. Either way the code and reason are surfaced.
            do {
                let connection = try await client.connect(to: peer.url("ws", "/close/\(code)?reason=\(query)"))
                var received: [WebSocketMessage] = []
                for try await message in connection.messages { received.append(message) }
                #expect(received.isEmpty)
                #expect(connection.closeFrame == expected)
                #expect(!connection.isOpen)
            } catch WebSocketError.closed(let frame) {
                #expect(frame == expected)
            }
        }
    }

    @Test func aPeerThatStopsAnsweringPingsIsDetected() async throws {
        try await withPeer(.webSocket) { peer in
            var options = WebSocketOptions()
            options.pingInterval = .seconds(1)
            options.idleTimeout = .seconds(2)
            let connection = try await client.connect(to: peer.url("ws", "/silent"), options: options)
            var iterator = connection.messages.makeAsyncIterator()
            #expect(try await iterator.next() == .text("ready"))
            let outcome = try await withHangGuard(20) { [iterator] in
                var iterator = iterator
                return await Result { try await iterator.next() }
            }
            #expect(throws: WebSocketError.idleTimeout) { try outcome.get() }
            #expect(connection.closeFrame == nil)
        }
    }

    @Test func theClientClosesWithCodeAndReason() async throws {
        try await withPeer(.webSocket) { peer in
            let connection = try await client.connect(to: peer.url("ws", "/echo"))
            try await connection.send(text: "last words")
            await connection.close(code: WebSocketCloseCode(4001), reason: "done for today")
            #expect(connection.closeFrame == WebSocketCloseFrame(code: WebSocketCloseCode(4001), reason: "done for today", initiatedByPeer: false))
            await #expect(throws: WebSocketError.self) { try await connection.send(text: "too late") }
        }
    }

    @Test func headersSubprotocolsAndCompressionAreNegotiated() async throws {
        try await withPeer(.webSocket) { peer in
            var options = WebSocketOptions()
            options.headers = ["Authorization": "Bot secret-token"]
            options.subprotocols = ["peerbot.v1", "other"]
            let connection = try await client.connect(to: peer.url("ws", "/handshake"), options: options)
            #expect(connection.subprotocol == "peerbot.v1")
            var iterator = connection.messages.makeAsyncIterator()
            let report = try #require(try await iterator.next()?.text)
            let fields = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
            #expect(fields["authorization"] as? String == "Bot secret-token")
            #expect(fields["subprotocol"] as? String == "peerbot.v1")
            #expect((fields["extensions"] as? String)?.contains("permessage-deflate") == true)
            await connection.close()
        }
    }

    @Test func compressionCanBeTurnedOff() async throws {
        try await withPeer(.webSocket) { peer in
            var options = WebSocketOptions()
            options.compression = false
            let connection = try await client.connect(to: peer.url("ws", "/handshake"), options: options)
            #expect(connection.subprotocol == nil)
            var iterator = connection.messages.makeAsyncIterator()
            let report = try #require(try await iterator.next()?.text)
            let fields = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
            #expect(fields["extensions"] is NSNull)
            try await connection.send(text: "plain")
            #expect(try await iterator.next() == .text("plain"))
            await connection.close()
        }
    }

    @Test func emptyMessagesAreRefusedOnSendButReceived() async throws {
        try await withPeer(.webSocket) { peer in
            let connection = try await client.connect(to: peer.url("ws", "/empty"))
            await #expect(throws: WebSocketError.emptyMessage) { try await connection.send(text: "") }
            await #expect(throws: WebSocketError.emptyMessage) { try await connection.send(binary: Data()) }
            var iterator = connection.messages.makeAsyncIterator()
            #expect(try await iterator.next() == .text(""))
            #expect(try await iterator.next() == .text("after"))
            await connection.close()
        }
    }

    @Test func inboundMessagesOverTheCapCloseTheConnection() async throws {
        try await withPeer(.webSocket) { peer in
            var options = WebSocketOptions()
            options.maxMessageBytes = 10_000
            let connection = try await client.connect(to: peer.url("ws", "/fragments"), options: options)
            var iterator = connection.messages.makeAsyncIterator()
            #expect(try await iterator.next() == .text("fragmented text"))
            #expect(try await iterator.next() == .binary(Data([0, 1, 2, 3, 4])))
            await #expect(throws: WebSocketError.messageTooLarge(limit: 10_000)) { _ = try await iterator.next() }
            await #expect(throws: WebSocketError.messageTooLarge(limit: 10_000)) {
                try await connection.send(text: String(repeating: "y", count: 10_001))
            }
        }
    }

    @Test func aFullSendQueueMakesSendersWait() async throws {
        try await withPeer(.webSocket) { peer in
            var options = WebSocketOptions()
            options.sendQueueCapacity = 1
            options.pingInterval = .seconds(1)
            options.idleTimeout = .seconds(2)
            let connection = try await client.connect(to: peer.url("ws", "/silent"), options: options)
            // The peer reads nothing: once the socket buffers are full, the queue
            // fills and `send` suspends — until the idle timeout ends the connection.
            let chunk = Data(repeating: 0x5A, count: 1 << 20)
            let sent = try await withHangGuard(30) {
                var sent = 0
                do {
                    for _ in 0..<256 {
                        try await connection.send(binary: chunk)
                        sent += 1
                    }
                } catch {
                    #expect(error as? WebSocketError == .idleTimeout)
                }
                return sent
            }
            #expect(sent < 256)
        }
    }

    @Test func oneSenderAtCapacityOneStillDeliversInOrder() async throws {
        try await withPeer(.webSocket) { peer in
            var options = WebSocketOptions()
            options.sendQueueCapacity = 1
            options.receiveBufferCapacity = 4
            let connection = try await client.connect(to: peer.url("ws", "/echo"), options: options)
            for index in 0..<300 { try await connection.send(binary: Data("\(index)".utf8)) }
            var iterator = connection.messages.makeAsyncIterator()
            for index in 0..<300 { #expect(try await iterator.next() == .binary(Data("\(index)".utf8))) }
            await connection.close()
        }
    }

    @Test func aFastServerIsThrottledByASlowReader() async throws {
        try await withPeer(.webSocket) { peer in
            var options = WebSocketOptions()
            options.receiveBufferCapacity = 16
            let connection = try await client.connect(to: peer.url("ws", "/flood?count=5000"), options: options)
            var iterator = connection.messages.makeAsyncIterator()
            for index in 0..<5_000 {
                if index % 500 == 0 { try await Task.sleep(for: .milliseconds(20)) }
                #expect(try await iterator.next() == .text(String(index)))
            }
            await connection.close()
        }
    }

    @Test func connectionRefusedIsAnError() async throws {
        let port = try closedPort()
        let error = await #expect(throws: WebSocketError.self) {
            _ = try await client.connect(to: URL(string: "ws://127.0.0.1:\(port)/")!)
        }
        guard case .connectFailed = error else {
            Issue.record("expected connectFailed, got \(String(describing: error))")
            return
        }
    }

    @Test func invalidRequestsAreRefused() async throws {
        await #expect(throws: WebSocketError.self) { _ = try await client.connect(to: URL(string: "http://127.0.0.1/")!) }
        var options = WebSocketOptions()
        options.headers = ["Authorization": "Bot x\r\nInjected: yes"]
        await #expect(throws: WebSocketError.self) {
            _ = try await client.connect(to: URL(string: "ws://127.0.0.1:1/")!, options: options)
        }
    }

    @Test func aHandshakeThatNeverCompletesCanBeCancelled() async throws {
        try await withPeer(.http) { peer in
            let url = peer.url("ws", "/never")
            let client = try self.client
            let attempt = Task { try await client.connect(to: url) }
            try await Task.sleep(for: .milliseconds(200))
            attempt.cancel()
            let outcome = try await withHangGuard(20) { await attempt.result }
            #expect(throws: CancellationError.self) { try outcome.get() }
        }
    }
}

extension Result where Failure == any Error {
    /// Captures the outcome of an async throwing operation.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
