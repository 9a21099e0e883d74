extension DiscordConfiguration {
    /// One line for `peerbot check-config` (no secrets).
    public var summary: String {
        let shardText: String
        switch shards {
        case .auto: shardText = "auto"
        case .fixed(let count): shardText = "\(count)"
        }
        let subset = shardIDs.isEmpty ? "" : " (this process: \(shardIDs.map(String.init).joined(separator: ",")))"
        let commands: String
        switch slashCommands {
        case .global: commands = "global"
        case .guilds(let ids): commands = "in \(ids.count) server\(ids.count == 1 ? "" : "s")"
        case .off: commands = "off"
        }
        return "discord: intents \(intents.names.joined(separator: ",")); shards \(shardText)\(subset); slash commands \(commands); "
            + "\(facilitatorRoleIDs.count) facilitator and \(adminRoleIDs.count) admin role\(adminRoleIDs.count == 1 ? "" : "s")"
    }
}
