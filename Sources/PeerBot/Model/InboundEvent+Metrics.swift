extension InboundEvent {
    /// The platform and kind under which the metrics count this event; nil
    /// for the console's clock advances, which no platform sent.
    var metricsKind: (Platform, String)? {
        switch self {
        case .message(let message): (message.channel.platform, "message")
        case .command(let command): (command.channel.platform, "command")
        case .reaction(let reaction): (reaction.channel.platform, "reaction")
        case .memberJoined(let join): (join.member.platform, "member_joined")
        case .advanceClock: nil
        case .unknown(let platform, _): (platform, "unknown")
        }
    }
}
