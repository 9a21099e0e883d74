import Foundation

/// What READY says about the session, for resuming it later.
public struct GatewayReadySession: Sendable, Equatable, Codable {
    public var sessionID: String
    public var resumeGatewayURL: URL

    public init(sessionID: String, resumeGatewayURL: URL) {
        self.sessionID = sessionID
        self.resumeGatewayURL = resumeGatewayURL
    }
}
