import Foundation

extension BotConfiguration {
    /// The log levels `[logging] level` accepts.
    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// Reads and validates the core's sections.
    public init(reader: ConfigReader) throws(ConfigError) {
        self.init()
        let path = reader.path

        bot.name = try reader.string("bot.name", default: bot.name)
        bot.commandPrefix = try reader.string("bot.command_prefix", default: bot.commandPrefix)
        guard !bot.commandPrefix.isEmpty, bot.commandPrefix.count <= 3,
            !bot.commandPrefix.contains(where: { $0.isWhitespace || $0.isLetter || $0.isNumber })
        else {
            throw .invalidValue(
                path: path, key: "bot.command_prefix",
                message: "expected 1 to 3 punctuation characters such as \"!\", found \"\(bot.commandPrefix)\"")
        }
        if let region = try reader.string("bot.default_region"), !region.isEmpty {
            guard let code = RegionCode(region) else {
                throw .invalidValue(
                    path: path, key: "bot.default_region",
                    message: "expected a two-letter country code such as \"US\" or \"GB\", found \"\(region)\"")
            }
            bot.defaultRegion = code.rawValue
        }

        storage.path = try reader.string("storage.path", default: storage.path)
        guard !storage.path.isEmpty else {
            throw .invalidValue(path: path, key: "storage.path", message: "expected a file path, found an empty string")
        }

        logging.level = try reader.choice("logging.level", of: Self.logLevels, default: logging.level)

        resources.directory = try reader.string("resources.directory", default: resources.directory)
        resources.maxEntries = try reader.int("resources.max_entries", default: resources.maxEntries, range: 1...25)

        scheduler.missedJobGrace = try reader.duration("scheduler.missed_job_grace", default: scheduler.missedJobGrace)

        checkins = try CheckinSettings(reader: reader)
        agreements = try AgreementSettings(reader: reader)
        boundaries = try BoundarySettings(reader: reader)
        escalation = try EscalationSettings(reader: reader)
        rota = try RotaSettings(reader: reader)
        crisis = try CrisisSettings(reader: reader)
        retention = try RetentionSettings(reader: reader)
        limits = try LimitSettings(reader: reader)
    }
}
