import Foundation

/// The part of a gateway session worth keeping across restarts: enough to
/// Resume it (gateway.mdx "Preparing to Resume"). Stored as a cursor.
public struct GatewaySessionSnapshot: Sendable, Equatable, Codable {
    public var sessionID: String
    public var resumeGatewayURL: URL
    public var sequence: Int

    public init(sessionID: String, resumeGatewayURL: URL, sequence: Int) {
        self.sessionID = sessionID
        self.resumeGatewayURL = resumeGatewayURL
        self.sequence = sequence
    }
}
