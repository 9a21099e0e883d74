import PeerBot

/// Everything the configuration file configures: the core's sections and each
/// adapter's. Loading reads every known key, so whatever is left is reported
/// as an unknown key (a warning that names it).
public struct AppConfiguration: Sendable {
    public var core: BotConfiguration
    public var console: ConsoleConfiguration
    public var discord: DiscordConfiguration
    public var mastodon: MastodonConfiguration
    /// `[matrix]`
    public var matrix: MatrixConfiguration
    /// `[health]` and `[shutdown]`.
    public var operations: OperationsConfiguration
    /// Warnings to show the admin (unknown keys).
    public var warnings: [String]
    /// The file it came from.
    public var path: String

    /// Loads and validates a configuration file.
    public static func load(path: String, environment: [String: String]? = nil) throws(ConfigError) -> AppConfiguration {
        let document = try ConfigDocument.load(path: path)
        return try AppConfiguration(document: document, environment: environment)
    }

    public init(document: ConfigDocument, environment: [String: String]? = nil) throws(ConfigError) {
        let reader =
            environment.map { ConfigReader(document: document, environment: $0) } ?? ConfigReader(document: document)
        core = try BotConfiguration(reader: reader)
        console = try ConsoleConfiguration(reader: reader)
        discord = try DiscordConfiguration(reader: reader)
        mastodon = try MastodonConfiguration(reader: reader)
        matrix = try MatrixConfiguration(reader: reader)
        operations = try OperationsConfiguration(reader: reader)
        path = document.path
        warnings = reader.unknownKeys().map { "\(document.path): unknown key \"\($0)\" (ignored; check its spelling)" }
        warnings += operations.warnings(path: document.path)
        deriveEscalationDefaults()
        warnings += escalationWarnings()
    }

    /// Names of the adapters the file enables.
    public var enabledAdapters: [String] {
        var names: [String] = []
        if console.enabled { names.append("console") }
        if discord.enabled { names.append("discord") }
        if mastodon.enabled { names.append("mastodon") }
        if matrix.enabled { names.append("matrix") }
        return names
    }
}
