import Foundation
import PeerBot

/// `[health]` and `[shutdown]`: how PeerBot is operated. Read at start only.
public struct OperationsConfiguration: Sendable {
    /// `health.listen`: where `/healthz` and `/metrics` are served, `127.0.0.1:9464`
    /// or `[::1]:9464`. Default: empty, no endpoint.
    public var healthListen: ListenAddress? = nil
    /// `health.outbox_stuck_after`: `/healthz` answers 503 when the oldest
    /// waiting outbox entry waited longer than this. Default 10 minutes.
    public var outboxStuckAfter: TimeInterval = 600
    /// `shutdown.flush_deadline`: on SIGTERM or SIGINT, how long PeerBot keeps
    /// delivering the outbox before it exits (what is left waits for the next
    /// start). Default 10 seconds.
    public var flushDeadline: TimeInterval = 10

    public init() {}

    public init(reader: ConfigReader) throws(ConfigError) {
        let listen = try reader.string("health.listen", default: "")
        if !listen.isEmpty {
            guard let address = ListenAddress(parsing: listen) else {
                throw .invalidValue(
                    path: reader.path, key: "health.listen",
                    message: "expected an IP address and port such as \"127.0.0.1:9464\" or \"[::1]:9464\", found \"\(listen)\"")
            }
            healthListen = address
        }
        outboxStuckAfter = try reader.duration("health.outbox_stuck_after", default: outboxStuckAfter)
        guard outboxStuckAfter >= 30 else {
            throw .invalidValue(path: reader.path, key: "health.outbox_stuck_after", message: "expected at least \"30s\"")
        }
        flushDeadline = try reader.duration("shutdown.flush_deadline", default: flushDeadline)
        guard flushDeadline <= 600 else {
            throw .invalidValue(path: reader.path, key: "shutdown.flush_deadline", message: "expected at most \"10m\"")
        }
    }

    /// A warning when the endpoint is reachable from other machines (it has no authentication).
    func warnings(path: String) -> [String] {
        guard let address = healthListen, !address.isLoopback else { return [] }
        return [
            "\(path): health.listen: \(address) is not a loopback address; anyone who can reach it can read /healthz and /metrics (no authentication)"
        ]
    }
}
