/// Direct-message channels by user id, created once through
/// `POST /users/@me/channels` (user.mdx "Create DM") and kept for the run.
public actor DMChannelCache {
    private var channels: [String: String] = [:]
    private let rest: DiscordREST

    public init(rest: DiscordREST) {
        self.rest = rest
    }

    /// The DM channel with `userID`, creating it when needed (waiting at the
    /// rate limiter in the lane of the message it is for).
    public func channel(for userID: String, priority: RequestPriority = .normal) async throws(DiscordRESTError) -> String {
        if let known = channels[userID] { return known }
        let channel = try await rest.send(.createDM(recipientID: userID), priority: priority, as: DiscordChannel.self)
        if channels.count > 10_000 { channels.removeAll() }
        channels[userID] = channel.id
        return channel.id
    }

    /// Remembers a DM channel seen in an event, saving the request later.
    public func remember(userID: String, channelID: String) {
        channels[userID] = channelID
    }
}
