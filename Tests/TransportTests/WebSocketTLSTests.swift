import Adapters
import Foundation
import LoopbackPeers
import Testing

/// `wss://` tests, serialized with the tests that create contexts (see `Lifecycle`).
extension WebSocketContextTests {
    @Suite struct TLS {
        var client: WebSocketClient { get throws { try Fixtures.sharedWebSocketClient() } }

        /// Why connecting to `url` failed with `.tlsFailed`; nil (an issue recorded) when it failed otherwise or not at all.
        func tlsFailure(connecting url: URL, options: WebSocketOptions = WebSocketOptions()) async throws -> String? {
            let client = try self.client
            let error = await #expect(throws: WebSocketError.self) {
                _ = try await client.connect(to: url, options: options)
            }
            guard case .tlsFailed(let why) = error else {
                Issue.record("expected tlsFailed, got \(String(describing: error))")
                return nil
            }
            return why
        }

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
                // OpenSSL's own reason, not libwebsockets' "connect SSL err 1".
                let why = try await tlsFailure(connecting: peer.url("wss", "/echo"), options: options)
                #expect(why == "the server's certificate was refused: self-signed certificate (the server's own certificate)")
            }
        }

        @Test func theSystemStoreDoesNotTrustTheTestCA() async throws {
            let certificates = try Fixtures.certificates.get()
            try await withPeer(.webSocket, arguments: ["--cert", certificates.serverCertificate, "--key", certificates.serverKey]) { peer in
                let why = try await tlsFailure(connecting: peer.url("wss", "/echo"))
                #expect(why == "the server's certificate was refused: unable to get local issuer certificate (the server's own certificate)")
            }
        }

        @Test func wssToAPlainServerSaysTheHandshakeFailed() async throws {
            try await withPeer(.webSocket) { peer in
                // No certificate was seen; libwebsockets' meaningless "error:00000001:lib(0)::reason(1)" is gone.
                let why = try await tlsFailure(connecting: peer.url("wss", "/echo"))
                #expect(why == "the TLS handshake failed (connect SSL err 1)")
            }
        }

        @Test func aMissingCAFileIsAClearError() async throws {
            var options = WebSocketOptions()
            options.caFile = "/nonexistent/peerbot-ca.pem"
            let message = try await tlsFailure(connecting: URL(string: "wss://127.0.0.1:1/")!, options: options)
            #expect(message?.contains("/nonexistent/peerbot-ca.pem") == true)
        }
    }
}
