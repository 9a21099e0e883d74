import Foundation
@testable import Adapters

/// The memory gauges of PeerBot's `/metrics` (heap in use, heap reserved,
/// SQLite), in KiB by name, for the soak's RSS series: they tell a filling
/// cache from live growth from a fragmented heap.
enum SoakMemoryGauges {
    static let names = [
        "peerbot_heap_in_use_bytes": "heap", "peerbot_heap_reserved_bytes": "heapReserved",
        "peerbot_sqlite_memory_bytes": "sqlite",
    ]

    /// The gauges now, or empty when `/metrics` does not answer.
    static func read(port: Int, http: any MatrixHTTP) async -> [String: Int] {
        guard let url = URL(string: "http://127.0.0.1:\(port)/metrics"),
            let response = try? await http.send(MatrixHTTPRequest(method: "GET", url: url))
        else { return [:] }
        return parse(String(decoding: response.body, as: UTF8.self))
    }

    /// `name value` lines of a Prometheus text exposition, for the names above, in KiB.
    static func parse(_ exposition: String) -> [String: Int] {
        var gauges: [String: Int] = [:]
        for line in exposition.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let key = names[String(fields[0])], let value = Double(fields[1]) else { continue }
            gauges[key] = Int(value / 1024)
        }
        return gauges
    }
}
