import Adapters
import Foundation
import LoopbackPeers
import Testing

/// `wss://` tests, serialized with the tests that create contexts (see `Lifecycle`).
extension WebSocketContextTests {
    @Suite struct TLS {
        var client: WebSocketClient { get throws { try Fixtures.sharedWebSocketClient() } }

        @Test func wssToAServerSignedByATrustedTestCA() async throws {
            let certificates = try Fixtures.certificates.get()
            try await withPeer(.webSocket, arguments: ["--cert", certificates.serverCertificate, "--key", certificates.serverKey]) { peer in
                var options = WebSocketOptions()
                options.caFile = certificates.caFile
                for host in ["127.0.0.1", "localhost"] {
                    let connection = try await client.connect(to: peer.url("wss", "/echo", host: host), options: options)
                    try await connection.send(text: "over TLS to \(host)")
                    var iterator = connection.messages.makeAsyncIterator()
                    #expect(try await iterator.next() == .text("over TLS to \(host)"))
                    await connection.close()
                }
            }
        }

        @Test func anUntrustedCertificateIsRefused() async throws {
            let certificates = try Fixtures.certificates.get()
            try await withPeer(.webSocket, arguments: ["--cert", certificates.untrustedCertificate, "--key", certificates.untrustedKey]) { peer in
                var options = WebSocketOptions()
                options.caFile = certificates.caFile
                let error = await #expect(throws: WebSocketError.self) {
                    _ = try await client.connect(to: peer.url("wss", "/echo"), options: options)
                }
                guard case .tlsFailed(let why) = error else {
                    Issue.record("expected tlsFailed, got \(String(describing: error))")
                    return
                }
                // OpenSSL's own reason, not libwebsockets' "connect SSL err 1".
                #expect(why == "the server's certificate was refused: self-signed certificate (the server's own certificate)")
            }
        }

        @Test func theSystemStoreDoesNotTrustTheTestCA() async throws {
            let certificates = try Fixtures.certificates.get()
            try await withPeer(.webSocket, arguments: ["--cert", certificates.serverCertificate, "--key", certificates.serverKey]) { peer in
                let error = await #expect(throws: WebSocketError.self) {
                    _ = try await client.connect(to: peer.url("wss", "/echo"))
                }
                guard case .tlsFailed(let why) = error else {
                    Issue.record("expected tlsFailed, got \(String(describing: error))")
                    return
                }
                #expect(why == "the server's certificate was refused: unable to get local issuer certificate (the server's own certificate)")
            }
        }

        @Test func wssToAPlainServerSaysTheHandshakeFailed() async throws {
            try await withPeer(.webSocket) { peer in
                let error = await #expect(throws: WebSocketError.self) {
                    _ = try await client.connect(to: peer.url("wss", "/echo"))
                }
                guard case .tlsFailed(let why) = error else {
                    Issue.record("expected tlsFailed, got \(String(describing: error))")
                    return
                }
                // No certificate was seen; libwebsockets' meaningless "error:00000001:lib(0)::reason(1)" is gone.
                #expect(why == "the TLS handshake failed (connect SSL err 1)")
            }
        }

        @Test func aMissingCAFileIsAClearError() async throws {
            var options = WebSocketOptions()
            options.caFile = "/nonexistent/peerbot-ca.pem"
            let error = await #expect(throws: WebSocketError.self) {
                _ = try await client.connect(to: URL(string: "wss://127.0.0.1:1/")!, options: options)
            }
            guard case .tlsFailed(let message) = error else {
                Issue.record("expected tlsFailed, got \(String(describing: error))")
                return
            }
            #expect(message.contains("/nonexistent/peerbot-ca.pem"))
        }
    }
}
