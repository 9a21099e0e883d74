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
        try await hold(method: "PUT", path: "/send/m\\.room\\.message/", body: body, responseLost: responseLost)
    }

    /// Holds the next `method` request whose path and body match the regexes `path` and `body`.
    func hold(method: String, path: String, body: String = "", responseLost: Bool) async throws {
        let rule: [String: Any] = ["method": method, "path": path, "body": body, "accept": responseLost]
        _ = try await control("/_test/hold", try JSONSerialization.data(withJSONObject: rule))
    }

    /// Waits until the proxy holds more than `count` requests; returns the newest.
    func waitUntilHeld(moreThan count: Int, seconds: Double = 60) async throws -> MatrixJSON {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            let held = try await held()
            if held.count > count { return held[count] }
            guard ContinuousClock.now < deadline else { throw PeerBotRunner.Failed(description: "the proxy held nothing new in \(Int(seconds)) s") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The method and path of every request that came so far, held or not.
    func requests() async throws -> [(method: String, path: String)] {
        let requests = try JSONDecoder().decode(MatrixJSON.self, from: try await control("/_test/requests", nil))["requests"]?.array ?? []
        return requests.compactMap { request in
            guard let method = request["method"]?.string, let path = request["path"]?.string else { return nil }
            return (method, path)
        }
    }

    /// The requests held so far: `accepted`, and the homeserver's `response` when forwarded.
    func held() async throws -> [MatrixJSON] {
        try JSONDecoder().decode(MatrixJSON.self, from: try await control("/_test/held", nil))["held"]?.array ?? []
    }

    /// The paths of every `PUT …/send/m.room.message/{txnId}` that came so far, held or not.
    func sendPaths() async throws -> [String] {
        try await requests().filter { $0.method == "PUT" && $0.path.contains("/send/m.room.message/") }.map(\.path)
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
