import Foundation

/// One gateway payload as received (gateway-events.mdx "Payload Structure"):
/// `op`, `s` and `t` are read at once; `d` is decoded on demand from the
/// same bytes, into the type the event name calls for.
public struct GatewayFrame: Sendable {
    public let opcode: Int
    public let sequence: Int?
    public let name: String?
    /// The whole payload, for decoding `d`.
    public let raw: Data

    private struct Envelope: Decodable {
        var op: Int
        var s: Int?
        var t: String?
    }

    private struct DataField<D: Decodable>: Decodable {
        var d: D
    }

    /// Reads the envelope; throws when the text is not a gateway payload.
    public init(text: String) throws {
        try self.init(data: Data(text.utf8))
    }

    public init(data: Data) throws {
        let envelope = try JSONDecoder().decode(Envelope.self, from: data)
        opcode = envelope.op
        sequence = envelope.s
        name = envelope.t
        raw = data
    }

    /// Decodes `d` as `type`.
    public func data<D: Decodable>(as type: D.Type) throws -> D {
        try JSONDecoder().decode(DataField<D>.self, from: raw).d
    }

    /// The input this frame is for the session state machine, or nil for an opcode a client never receives.
    public func sessionInput() throws -> GatewayInput? {
        switch GatewayOpcode(rawValue: opcode) {
        case .hello:
            let hello = try data(as: HelloPayload.self)
            return .hello(heartbeatInterval: .milliseconds(hello.heartbeatInterval))
        case .heartbeatAck:
            return .heartbeatAck
        case .heartbeat:
            return .heartbeatRequested
        case .reconnect:
            return .reconnectRequested
        case .invalidSession:
            return .invalidSession(resumable: (try? data(as: Bool.self)) ?? false)
        case .dispatch:
            var ready: GatewayReadySession?
            if name == "READY" {
                let payload = try data(as: ReadyPayload.self)
                guard let url = URL(string: payload.resumeGatewayURL) else { throw GatewayFrameError.invalidResumeURL }
                ready = GatewayReadySession(sessionID: payload.sessionID, resumeGatewayURL: url)
            }
            return .dispatch(sequence: sequence, name: name ?? "", ready: ready)
        default:
            return nil
        }
    }
}
