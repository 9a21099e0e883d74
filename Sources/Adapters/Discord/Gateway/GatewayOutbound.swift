import Foundation

/// Builds the JSON text of the payloads a client sends (gateway-events.mdx
/// "Send Events": Identify, Resume, Heartbeat).
public enum GatewayOutbound {
    /// What Identify says about the client (gateway-events.mdx "Identify Connection Properties").
    public static let connectionProperties = ["os": "linux", "browser": "peerbot", "device": "peerbot"]

    /// Identify (op 2).
    public static func identify(token: String, intents: DiscordIntents, shard: ShardID?) -> String {
        var d: [String: Any] = [
            "token": token, "intents": intents.rawValue, "properties": connectionProperties,
            "large_threshold": 50, "compress": false,
        ]
        if let shard { d["shard"] = [shard.id, shard.count] }
        return encode(op: .identify, d: d)
    }

    /// Resume (op 6).
    public static func resume(token: String, sessionID: String, sequence: Int) -> String {
        encode(op: .resume, d: ["token": token, "session_id": sessionID, "seq": sequence])
    }

    /// Heartbeat (op 1): `d` is the last sequence number, or null.
    public static func heartbeat(sequence: Int?) -> String {
        encode(op: .heartbeat, d: sequence.map { $0 as Any } ?? NSNull())
    }

    /// The text for a session's `GatewaySend`.
    public static func text(for send: GatewaySend, token: String, intents: DiscordIntents, shard: ShardID?) -> String {
        switch send {
        case .identify: identify(token: token, intents: intents, shard: shard)
        case .resume(let sessionID, let sequence): resume(token: token, sessionID: sessionID, sequence: sequence)
        case .heartbeat(let sequence): heartbeat(sequence: sequence)
        }
    }

    private static func encode(op: GatewayOpcode, d: Any) -> String {
        let object: [String: Any] = ["op": op.rawValue, "d": d]
        // Only strings, numbers, arrays, dictionaries and NSNull go in, so serialisation cannot fail.
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{\"op\":\(op.rawValue),\"d\":null}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
