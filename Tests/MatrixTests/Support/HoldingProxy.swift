import Foundation
import LoopbackPeers
@testable import Adapters

/// `Tests/Peers/holding_proxy.py` in front of the shared Synapse: everything is
/// forwarded, except one request a test asks it to hold — so `peerbot run` can
/// be killed while a delivery is exactly in flight.
final class HoldingProxy: Sendable {
    let peer: LoopbackPeer
    let http: any MatrixHTTP

    init(upstream: URL, http: any MatrixHTTP) async throws {
        peer = try await LoopbackPeer.start(.holdingProxy, arguments: ["--upstream", upstream.absoluteString])
        self.http = http
    }

    /// The homeserver address the bot should use.
    var baseURL: URL { peer.url("http", "") }

    /// Holds the next `PUT …/send/m.room.message/…` whose body matches the regex `body`:
    /// forwarded with the response kept back (`responseLost`), or never forwarded.
    func holdSend(body: String, responseLost: Bool) async throws {
        let rule: [String: Any] = ["method": "PUT", "path": "/send/m\\.room\\.message/", "body": body, "accept": responseLost]
        _ = try await control("/_test/hold", try JSONSerialization.data(withJSONObject: rule))
    }

    /// The requests held so far: `accepted`, and the homeserver's `response` when forwarded.
    func held() async throws -> [MatrixJSON] {
        try JSONDecoder().decode(MatrixJSON.self, from: try await control("/_test/held", nil))["held"]?.array ?? []
    }

    /// The paths of every `PUT …/send/m.room.message/{txnId}` that came so far, held or not.
    func sendPaths() async throws -> [String] {
        let requests = try JSONDecoder().decode(MatrixJSON.self, from: try await control("/_test/requests", nil))["requests"]?.array ?? []
        return requests.filter { $0["method"]?.string == "PUT" }.compactMap { $0["path"]?.string }.filter { $0.contains("/send/m.room.message/") }
    }

    /// No more holds; held requests end.
    func release() async throws {
        _ = try await control("/_test/release", Data("{}".utf8))
    }

    private func control(_ path: String, _ body: Data?) async throws -> Data {
        let request = MatrixHTTPRequest(
            method: body == nil ? "GET" : "POST", url: peer.url("http", path), headers: ["Content-Type": "application/json"], body: body)
        return try await http.send(request).body
    }

    func stop() {
        peer.stop()
    }
}
