import PeerBot

/// `[console]`: the local adapter on stdin/stdout.
public struct ConsoleConfiguration: Sendable {
    /// Run the console adapter under `peerbot run`. Default true.
    public var enabled = true
    /// The channel `NAME: TEXT` is posted in. Default `general`.
    public var defaultChannel = "general"
    /// The facilitators' channel. Default `facilitators`.
    public var facilitatorChannel = "facilitators"
    /// Console names with the facilitator role.
    public var facilitators: [String] = []
    /// Console names with the admin role.
    public var admins: [String] = []

    public init() {}

    public init(reader: ConfigReader) throws(ConfigError) {
        enabled = try reader.bool("console.enabled", default: enabled)
        defaultChannel = try reader.string("console.default_channel", default: defaultChannel)
        facilitatorChannel = try reader.string("console.facilitator_channel", default: facilitatorChannel)
        facilitators = try reader.strings("console.facilitators")
        admins = try reader.strings("console.admins")
        for (key, value) in [("console.default_channel", defaultChannel), ("console.facilitator_channel", facilitatorChannel)]
        where !ConsoleLineParser.isName(Substring(value), maxLength: 64) {
            throw .invalidValue(path: reader.path, key: key, message: "expected a channel name (letters, digits, - and _), found \"\(value)\"")
        }
    }

    /// The role of a console member.
    public func role(of name: String) -> Role {
        if admins.contains(name) { return .admin }
        if facilitators.contains(name) { return .facilitator }
        return .member
    }
}
