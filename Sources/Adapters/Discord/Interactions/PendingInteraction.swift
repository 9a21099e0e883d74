/// An interaction the bot has received and may still answer through its token.
public struct PendingInteraction: Sendable, Equatable {
    /// How far the answer has got.
    public enum State: Sendable, Equatable {
        /// No response yet; the 3-second deadline runs.
        case awaiting
        /// The deferred response (type 5) is being sent.
        case deferring
        /// Deferred; the answer edits the original response.
        case deferred
        /// Answered; later replies are follow-ups.
        case answered
        /// The token can no longer be used for a first response.
        case expired
    }

    public var id: String
    /// The interaction token: a secret, never logged.
    public var token: String
    public var applicationID: String
    public var channelID: String
    public var receivedAt: Duration
    public var state: State = .awaiting

    public init(id: String, token: String, applicationID: String, channelID: String, receivedAt: Duration) {
        self.id = id
        self.token = token
        self.applicationID = applicationID
        self.channelID = channelID
        self.receivedAt = receivedAt
    }
}
