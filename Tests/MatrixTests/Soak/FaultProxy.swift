import Foundation
import LoopbackPeers
@testable import Adapters

/// `Tests/Peers/fault_proxy.py` between PeerBot and the homeserver: forwards
/// everything and, while on, answers every Nth request of a class with a 429
/// or drops its connection (before or after forwarding, or mid-body).
struct FaultProxy: Sendable {
    let peer: LoopbackPeer
    let http: any MatrixHTTP

    let baseURL: URL

    static func start(upstream: URL, http: any MatrixHTTP) async throws -> FaultProxy {
        let peer = try await LoopbackPeer.start(.faultProxy, arguments: ["--upstream", upstream.absoluteString])
        var components = URLComponents()
        (components.scheme, components.host, components.port) = ("http", "127.0.0.1", peer.port)
        guard let baseURL = components.url else { throw LoopbackPeerError("no URL for port \(peer.port)") }
        return FaultProxy(peer: peer, http: http, baseURL: baseURL)
    }

    /// Turns faults on (every Nth request of each class) or off.
    func configure(enabled: Bool, every: (sync: Int, send: Int, other: Int)) async throws {
        let body: MatrixJSON = [
            "enabled": .bool(enabled),
            "every": ["sync": .number(Double(every.sync)), "send": .number(Double(every.send)), "other": .number(Double(every.other))],
        ]
        _ = try await call("POST", "/_fault/config", body: try body.encoded())
    }

    /// The counters: requests, forwarded, upstream_down, and faults per class and kind.
    func stats() async throws -> MatrixJSON {
        try await call("GET", "/_fault/stats", body: nil)
    }

    private func call(_ method: String, _ path: String, body: Data?) async throws -> MatrixJSON {
        let response = try await http.send(
            MatrixHTTPRequest(method: method, url: baseURL.appendingPathComponent(path), headers: ["Content-Type": "application/json"], body: body))
        return try JSONDecoder().decode(MatrixJSON.self, from: response.body)
    }

    /// Faults injected so far, by kind, summed over the classes.
    static func faultsByKind(_ stats: MatrixJSON) -> [String: Int] {
        var totals: [String: Int] = [:]
        for (_, kinds) in stats["by_kind"]?.object ?? [:] {
            for (kind, count) in kinds.object ?? [:] { totals[kind, default: 0] += count.integer ?? 0 }
        }
        return totals
    }

    func stop() { peer.stop() }
}
