/// Hello (op 10) data (gateway-events.mdx "Hello").
public struct HelloPayload: Decodable, Sendable, Equatable {
    /// Milliseconds between heartbeats.
    public var heartbeatInterval: Int

    enum CodingKeys: String, CodingKey {
        case heartbeatInterval = "heartbeat_interval"
    }
}
