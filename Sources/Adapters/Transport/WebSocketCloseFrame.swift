/// How a WebSocket connection's closing handshake went: the code and reason
/// of the Close frame, and who sent it first.
public struct WebSocketCloseFrame: Sendable, Equatable {
    /// The status code; nil when the Close frame carried none.
    public var code: WebSocketCloseCode?
    /// The reason text (at most 123 bytes on the wire).
    public var reason: String
    /// True when the server closed first; false when this client did.
    public var initiatedByPeer: Bool

    public init(code: WebSocketCloseCode?, reason: String = "", initiatedByPeer: Bool) {
        self.code = code
        self.reason = reason
        self.initiatedByPeer = initiatedByPeer
    }
}
