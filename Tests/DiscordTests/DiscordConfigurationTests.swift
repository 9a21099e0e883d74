import Adapters
import Foundation
import PeerBot
import Testing

@Suite struct DiscordConfigurationTests {
    func load(_ toml: String, environment: [String: String] = ["DISCORD_TOKEN": "secret-token-value"]) throws -> AppConfiguration {
        try AppConfiguration(document: try ConfigDocument.parse(toml, path: "peerbot.toml"), environment: environment)
    }

    @Test func offByDefaultAndNeedsNoToken() throws {
        let app = try load("[console]\nenabled = true\n")
        #expect(!app.discord.enabled)
        #expect(app.enabledAdapters == ["console"])
    }

    @Test func aFullSectionLoadsWithoutWarnings() throws {
        let app = try load("""
            [discord]
            enabled = true
            token = "${DISCORD_TOKEN}"
            application_id = "800000000000000998"
            api_base_url = "http://127.0.0.1:9999/api/v10"
            gateway_url = "ws://127.0.0.1:9998/gateway"
            intents = ["GUILDS", "GUILD_MESSAGES", "DIRECT_MESSAGES", "MESSAGE_CONTENT", "GUILD_MEMBERS"]
            shards = 4
            shard_ids = [3, 1]
            facilitator_role_ids = ["800000000000000100"]
            admin_role_ids = ["800000000000000200"]
            facilitator_user_ids = ["800000000000001002"]
            admin_user_ids = []
            page_role_ids = ["800000000000000300"]
            welcome_channel_id = "800000000000000010"
            slash_commands = "guild"
            command_guild_ids = ["800000000000000001"]
            interaction_defer_ms = 1000
            """)
        #expect(app.warnings == [])
        #expect(app.enabledAdapters.contains("discord"))
        let discord = app.discord
        #expect(discord.token == "secret-token-value")
        #expect(discord.apiBaseURL.absoluteString == "http://127.0.0.1:9999/api/v10")
        #expect(discord.gatewayURL?.absoluteString == "ws://127.0.0.1:9998/gateway")
        #expect(discord.intents.contains(.guildMembers))
        #expect(discord.shards == .fixed(4))
        #expect(discord.shardIDs == [1, 3])
        #expect(discord.slashCommands == .guilds(["800000000000000001"]))
        #expect(discord.pageRoleIDs == ["800000000000000300"])
        #expect(discord.interactionDeferAfter == .milliseconds(1000))
        #expect(discord.role(userID: "1", memberRoleIDs: ["800000000000000100"]) == .facilitator)
        #expect(discord.role(userID: "1", memberRoleIDs: ["800000000000000200", "800000000000000100"]) == .admin)
        #expect(discord.role(userID: "800000000000001002", memberRoleIDs: nil) == .facilitator)
        #expect(discord.role(userID: "1", memberRoleIDs: nil) == .member)
        #expect(discord.summary == "discord: intents GUILDS,GUILD_MEMBERS,GUILD_MESSAGES,DIRECT_MESSAGES,MESSAGE_CONTENT; shards 4 (this process: 1,3); slash commands in 1 server; 1 facilitator and 1 admin role")
        #expect(!discord.summary.contains("secret-token-value"))
    }

    @Test func pageRolesDefaultToTheFacilitatorRoles() throws {
        let app = try load("[discord]\nenabled = true\ntoken = \"${DISCORD_TOKEN}\"\nfacilitator_role_ids = [\"5\"]\n")
        #expect(app.discord.pageRoleIDs == ["5"])
        #expect(app.discord.shards == .auto)
        #expect(app.discord.intents == .defaults)
        #expect(app.discord.slashCommands == .global)
    }

    @Test(arguments: [
        ("[discord]\nenabled = true\n", "discord.token"),
        ("[discord]\nenabled = true\ntoken = \"${MISSING}\"\n", "MISSING"),
        ("[discord]\ntoken = \"x\"\nintents = [\"GUILDS\", \"MESAGE_CONTENT\"]\n", "discord.intents[1]"),
        ("[discord]\nshards = \"many\"\n", "discord.shards"),
        ("[discord]\nshards = 0\n", "discord.shards"),
        ("[discord]\nshards = 2\nshard_ids = [2]\n", "discord.shard_ids[0]"),
        ("[discord]\nfacilitator_role_ids = [\"Facilitators\"]\n", "discord.facilitator_role_ids[0]"),
        ("[discord]\nslash_commands = \"guild\"\n", "discord.command_guild_ids"),
        ("[discord]\nslash_commands = \"everywhere\"\n", "discord.slash_commands"),
        ("[discord]\ngateway_url = \"https://x\"\n", "discord.gateway_url"),
        ("[discord]\ninteraction_defer_ms = 5000\n", "discord.interaction_defer_ms"),
    ])
    func mistakesAreOneLineErrorsNamingTheKey(toml: String, key: String) throws {
        #expect {
            try load(toml, environment: [:])
        } throws: { error in
            "\(error)".contains(key)
        }
    }

    @Test func aDisabledSectionWithAnUnsetVariableStillLoads() throws {
        let app = try load("[discord]\nenabled = false\ntoken = \"${DISCORD_TOKEN}\"\n", environment: [:])
        #expect(app.warnings == [])
        #expect(!app.discord.enabled)
    }
}
