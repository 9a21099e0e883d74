/// A payload the session sends. The driver fills in the token, intents and shard.
public enum GatewaySend: Sendable, Equatable {
    /// Identify (op 2): start a new session.
    case identify
    /// Resume (op 6) the session from the last sequence number received.
    case resume(sessionID: String, sequence: Int)
    /// Heartbeat (op 1) with the last sequence number, or null before any dispatch.
    case heartbeat(sequence: Int?)
}

extension GatewaySend {
    /// The opcode's name, for logs (never the payload: Identify and Resume carry the token).
    var opcodeName: String {
        switch self {
        case .identify: "identify"
        case .resume: "resume"
        case .heartbeat: "heartbeat"
        }
    }
}
