/// Where a page goes, written `platform:channel-id` in the configuration
/// (`console:facilitators`, `matrix:!abc:example.org`, `discord:1234567890`).
public struct EscalationDestination: Sendable, Hashable, CustomStringConvertible {
    public var platform: Platform
    /// The platform's opaque channel or room id.
    public var channelID: String

    public init(platform: Platform, channelID: String) {
        self.platform = platform
        self.channelID = channelID
    }

    /// Reads `platform:channel-id`; nil when either part is missing or malformed.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let platform = text[..<colon], channel = text[text.index(after: colon)...]
        guard !platform.isEmpty, platform.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }),
            !channel.isEmpty, !channel.contains(where: \.isWhitespace)
        else { return nil }
        self.init(platform: Platform(rawValue: String(platform)), channelID: String(channel))
    }

    public var description: String { "\(platform.rawValue):\(channelID)" }

    /// The channel an outbound action addresses.
    public var channel: ChannelRef { ChannelRef(platform: platform, id: channelID) }

    /// True when `channel` is this destination.
    public func matches(_ channel: ChannelRef) -> Bool {
        channel.platform == platform && channel.id == channelID && !channel.isDirect
    }
}
