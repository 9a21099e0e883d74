import Foundation
import PeerBot

extension DiscordConfiguration {
    /// True for a Discord snowflake: a decimal number of up to 20 digits.
    static func isSnowflake(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 20 && text.allSatisfy { $0.isASCII && $0.isNumber }
            && UInt64(text) != nil
    }

    static func snowflake(_ reader: ConfigReader, _ key: String) throws(ConfigError) -> String? {
        guard let text = try reader.string(key), !text.isEmpty else { return nil }
        guard isSnowflake(text) else {
            throw .invalidValue(path: reader.path, key: key, message: "expected a Discord id (digits only, e.g. \"1234567890123456789\"), found \"\(text.prefix(40))\"")
        }
        return text
    }

    static func snowflakes(_ reader: ConfigReader, _ key: String) throws(ConfigError) -> [String] {
        let values = try reader.strings(key)
        for (index, value) in values.enumerated() where !isSnowflake(value) {
            throw .invalidValue(
                path: reader.path, key: "\(key)[\(index)]",
                message: "expected a Discord id (digits only; enable Developer Mode and use Copy ID), found \"\(value.prefix(40))\"")
        }
        return values
    }

    static func url(_ reader: ConfigReader, _ key: String, schemes: [String]) throws(ConfigError) -> URL? {
        guard let text = try reader.string(key), !text.isEmpty else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), schemes.contains(scheme),
            url.host?.isEmpty == false
        else {
            throw .invalidValue(
                path: reader.path, key: key,
                message: "expected a URL starting with \(schemes.map { "\($0)://" }.joined(separator: " or ")), found \"\(text.prefix(80))\"")
        }
        return url
    }

    static func intents(_ reader: ConfigReader) throws(ConfigError) -> DiscordIntents {
        guard reader.has("discord.intents") else { return .defaults }
        var intents: DiscordIntents = []
        for (index, name) in try reader.strings("discord.intents").enumerated() {
            guard let intent = DiscordIntents.named(name) else {
                throw .invalidValue(
                    path: reader.path, key: "discord.intents[\(index)]",
                    message: "unknown intent \"\(name.prefix(40))\"; expected names such as GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES, MESSAGE_CONTENT, GUILD_MEMBERS")
            }
            intents.insert(intent)
        }
        return intents
    }

    static func shardCount(_ reader: ConfigReader) throws(ConfigError) -> ShardCountSetting {
        switch reader.value("discord.shards") {
        case nil:
            return .auto
        case .string(let text) where text.lowercased() == "auto":
            return .auto
        case .integer(let count) where (1...65_536).contains(count):
            return .fixed(count)
        case .integer(let count):
            throw .invalidValue(path: reader.path, key: "discord.shards", message: "expected \"auto\" or 1–65536, found \(count)")
        case .string(let text):
            throw .invalidValue(path: reader.path, key: "discord.shards", message: "expected \"auto\" or a number, found \"\(text.prefix(20))\"")
        case let other?:
            throw .wrongType(path: reader.path, key: "discord.shards", expected: "\"auto\" or a number", found: other.typeName)
        }
    }

    static func shardIDs(_ reader: ConfigReader, total: ShardCountSetting) throws(ConfigError) -> [Int] {
        guard let value = reader.value("discord.shard_ids") else { return [] }
        guard case .array(let items) = value else {
            throw .wrongType(path: reader.path, key: "discord.shard_ids", expected: "a list of shard numbers", found: value.typeName)
        }
        var ids: [Int] = []
        for (index, item) in items.enumerated() {
            guard case .integer(let id) = item, id >= 0 else {
                throw .wrongType(path: reader.path, key: "discord.shard_ids[\(index)]", expected: "a shard number from 0", found: item.typeName)
            }
            if case .fixed(let count) = total, id >= count {
                throw .invalidValue(
                    path: reader.path, key: "discord.shard_ids[\(index)]",
                    message: "shard \(id) does not exist with shards = \(count) (ids run from 0 to \(count - 1))")
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids.sorted()
    }

    static func slashCommandScope(_ reader: ConfigReader) throws(ConfigError) -> SlashCommandScope {
        let mode = try reader.choice("discord.slash_commands", of: ["global", "guild", "off"], default: "global")
        let guilds = try snowflakes(reader, "discord.command_guild_ids")
        switch mode {
        case "off": return .off
        case "guild":
            guard !guilds.isEmpty else {
                throw .missingKey(
                    path: reader.path, key: "discord.command_guild_ids",
                    hint: "slash_commands = \"guild\" registers the commands in these servers; list their ids")
            }
            return .guilds(guilds)
        default: return .global
        }
    }
}
