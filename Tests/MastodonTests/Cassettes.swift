import Foundation
import Yams

/// The recorded Mastodon.py cassettes in `Fixtures/cassettes` (MIT; see Fixtures/README.md).
enum Cassettes {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let directory = fixtures.appendingPathComponent("cassettes")

    /// One recorded HTTP exchange.
    struct Interaction {
        var method: String
        var uri: String
        var status: Int
        /// Response headers, names lowercased, first value.
        var headers: [String: String]
        var body: String
    }

    struct CassetteError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func load(_ name: String) throws -> [String: Any] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any] else { throw CassetteError("\(name): not a mapping") }
        return root
    }

    /// The HTTP exchanges of a `.yaml` cassette, in order.
    static func http(_ name: String) throws -> [Interaction] {
        guard let interactions = try load(name)["interactions"] as? [[String: Any]] else {
            throw CassetteError("\(name): no interactions")
        }
        return try interactions.map { entry in
            guard let request = entry["request"] as? [String: Any], let response = entry["response"] as? [String: Any],
                let status = (response["status"] as? [String: Any])?["code"] as? Int
            else { throw CassetteError("\(name): malformed interaction") }
            var headers: [String: String] = [:]
            for (key, value) in response["headers"] as? [String: Any] ?? [:] {
                headers[key.lowercased()] = (value as? [Any])?.first.map { "\($0)" } ?? "\(value)"
            }
            let body = ((response["body"] as? [String: Any])?["string"] as? String) ?? ""
            return Interaction(
                method: request["method"] as? String ?? "", uri: request["uri"] as? String ?? "", status: status,
                headers: headers, body: body)
        }
    }

    /// The first exchange whose URI contains `fragment`.
    static func interaction(_ name: String, uriContaining fragment: String, method: String = "GET") throws -> Interaction {
        guard let found = try http(name).first(where: { $0.uri.contains(fragment) && $0.method == method }) else {
            throw CassetteError("\(name): no \(method) \(fragment)")
        }
        return found
    }

    /// The frames the server sent in a `.ws.yaml` cassette, as the JSON text that went over the wire.
    static func receivedFrames(_ name: String) throws -> [String] {
        guard let connections = try load(name)["connections"] as? [[String: Any]] else {
            throw CassetteError("\(name): no connections")
        }
        var frames: [String] = []
        for connection in connections {
            for interaction in connection["interactions"] as? [[String: Any]] ?? [] {
                guard let received = interaction["receive"] else { continue }
                let data = try JSONSerialization.data(withJSONObject: received, options: [.sortedKeys])
                frames.append(String(decoding: data, as: UTF8.self))
            }
        }
        return frames
    }
}
