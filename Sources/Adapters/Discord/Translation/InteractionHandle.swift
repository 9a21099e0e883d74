import PeerBot

/// The parts of an interaction needed to answer it.
public struct InteractionHandle: Sendable, Equatable {
    public var id: String
    /// Secret: never logged.
    public var token: String
    public var applicationID: String
    public var channelID: String
    /// True for a button press whose `custom_id` PeerBot does not know:
    /// acknowledged silently (type 6) instead of waiting for a core answer.
    public var acknowledgeOnly: Bool

    public init(id: String, token: String, applicationID: String, channelID: String, acknowledgeOnly: Bool = false) {
        self.id = id
        self.token = token
        self.applicationID = applicationID
        self.channelID = channelID
        self.acknowledgeOnly = acknowledgeOnly
    }
}
