import Foundation

/// The core's configuration, loaded and validated once at start.
///
/// Each section is a struct with documented defaults; the shipped
/// `config/peerbot.toml` shows every key.
public struct BotConfiguration: Sendable {
    /// `[bot]`
    public var bot = BotSettings()
    /// `[storage]`
    public var storage = StorageSettings()
    /// `[logging]`
    public var logging = LoggingSettings()
    /// `[resources]`
    public var resources = ResourceSettings()
    /// `[scheduler]`
    public var scheduler = SchedulerSettings()
    /// `[checkins]`
    public var checkins = CheckinSettings()
    /// `[agreements]`
    public var agreements = AgreementSettings()
    /// `[boundaries]`
    public var boundaries = BoundarySettings()
    /// `[escalation]`
    public var escalation = EscalationSettings()
    /// `[rota]`
    public var rota = RotaSettings()
    /// `[crisis]`
    public var crisis = CrisisSettings()
    /// `[retention]`
    public var retention = RetentionSettings()
    /// `[limits]`
    public var limits = LimitSettings()

    public init() {}
}

/// `[bot]`: how the bot presents itself and reads commands.
public struct BotSettings: Sendable {
    /// The name the bot uses for itself. Default `PeerBot`.
    public var name = "PeerBot"
    /// The command prefix. Default `!`.
    public var commandPrefix = "!"
    /// The space's region (ISO 3166-1 alpha-2) for help lines when a member has none. Default: none (international).
    public var defaultRegion: String? = nil

    public init() {}
}

/// `[storage]`
public struct StorageSettings: Sendable {
    /// The SQLite database file; its folder is created when missing. Default `./data/peerbot.sqlite`.
    public var path = "./data/peerbot.sqlite"
    public init() {}
}

/// `[logging]`
public struct LoggingSettings: Sendable {
    /// One of trace, debug, info, notice, warning, error, critical. Default `info`.
    public var level = "info"
    public init() {}
}

/// `[resources]`
public struct ResourceSettings: Sendable {
    /// The help-line directory file. Default `config/resources.toml`.
    public var directory = "config/resources.toml"
    /// How many entries one answer lists at most. Default 6.
    public var maxEntries = 6
    public init() {}
}

/// `[scheduler]`
public struct SchedulerSettings: Sendable {
    /// An occurrence missed while the bot was down runs at start when younger than this. Default 1 hour.
    public var missedJobGrace: TimeInterval = 3600
    public init() {}
}
