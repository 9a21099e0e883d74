import Adapters
import Foundation
import LoopbackPeers

/// HTTP GETs on loopback against the Python `http.server` peer, over one
/// curl multi handle: one at a time (keep-alive), or `concurrency` in flight.
@MainActor
final class HTTPRequestsBenchmark: Benchmark {
    let concurrency: Int
    private var peer: LoopbackPeer?
    private var client: HTTPClient?

    init(concurrency: Int) {
        self.concurrency = concurrency
    }

    var name: String { concurrency == 1 ? "http GET, sequential keep-alive" : "http GET, \(concurrency) concurrent" }
    var unit: String { "requests/s" }

    func setUp() async throws {
        peer = try await LoopbackPeer.start(.http)
        var configuration = HTTPClientConfiguration()
        configuration.proxy = .none
        client = try HTTPClient(configuration: configuration)
    }

    func sample() async throws -> Double {
        guard let client, let peer else { throw LoopbackPeerError("not set up") }
        let url = peer.url("http", "/hello")
        let total = concurrency == 1 ? 1_000 : 2_000
        let perWorker = total / concurrency
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    for _ in 0..<perWorker {
                        let response = try await client.get(url)
                        guard response.status == 200 else { throw LoopbackPeerError("status \(response.status)") }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(perWorker * concurrency) / (clock.now - start).seconds
    }

    func tearDown() async {
        await client?.shutdown()
        peer?.stop()
    }
}
