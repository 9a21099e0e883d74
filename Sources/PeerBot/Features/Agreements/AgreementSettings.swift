import Foundation

/// `[agreements]`: the space's agreements and when PeerBot shows them.
public struct AgreementSettings: Sendable {
    /// The agreements, one short line each, in order. Default: five general
    /// peer-support agreements (see `defaultLines`).
    public var lines: [String] = Self.defaultLines
    /// Where a new member is shown the agreements. Default `.directMessage`.
    public var welcome: WelcomeMode = .directMessage
    /// The channel for `welcome = "channel"`; empty: the channel the platform
    /// says the member joined. Default empty.
    public var welcomeChannel = ""
    /// `[agreements.reminders]`
    public var reminders = PeriodicReminderSettings()
    /// `[agreements.content_warnings]`
    public var contentWarnings = ContentWarningSettings()

    public init() {}

    /// The agreements a space has until it writes its own.
    public static let defaultLines = [
        "Speak from your own experience; offer advice only when someone asks for it.",
        "What is shared here stays here.",
        "Start posts about hard topics with a content warning, e.g. \"CW: self-harm\".",
        "Respect each other's boundaries (see !boundary NAME).",
        "This is peer support, not an emergency service: in a crisis, !resources lists help lines.",
    ]

    /// The most lines a space may list (they are shown in one message).
    static let maxLines = 20
    /// The longest line, in characters.
    static let maxLineLength = 300

    /// Reads `[agreements]` and its subsections.
    public init(reader: ConfigReader) throws(ConfigError) {
        lines = try reader.strings("agreements.lines", default: lines)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard lines.count <= Self.maxLines else {
            throw .invalidValue(
                path: reader.path, key: "agreements.lines",
                message: "expected at most \(Self.maxLines) agreements, found \(lines.count)")
        }
        if let index = lines.firstIndex(where: { $0.isEmpty || $0.count > Self.maxLineLength }) {
            throw .invalidValue(
                path: reader.path, key: "agreements.lines[\(index)]",
                message: "expected a line of 1 to \(Self.maxLineLength) characters, found \(lines[index].count)")
        }
        let mode = try reader.choice(
            "agreements.welcome", of: WelcomeMode.allCases.map(\.rawValue), default: welcome.rawValue)
        welcome = WelcomeMode(rawValue: mode) ?? .directMessage
        welcomeChannel = try reader.string("agreements.welcome_channel", default: welcomeChannel)
        reminders = try PeriodicReminderSettings(reader: reader)
        contentWarnings = try ContentWarningSettings(reader: reader)
    }
}

/// Where the agreements go when a member joins.
public enum WelcomeMode: String, Sendable, CaseIterable {
    /// Privately to the new member.
    case directMessage = "dm"
    /// In a channel, greeting the member by name.
    case channel
    /// Not at all.
    case off
}
