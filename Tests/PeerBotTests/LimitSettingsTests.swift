import Foundation
import Testing
@testable import PeerBot

@Suite struct LimitSettingsTests {
    func load(_ text: String) throws(ConfigError) -> (LimitSettings, ConfigReader) {
        let reader = ConfigReader(document: try ConfigDocument.parse(text, path: "test.toml"), environment: [:])
        return (try BotConfiguration(reader: reader).limits, reader)
    }

    @Test func documentedDefaults() throws {
        let (limits, _) = try load("")
        #expect(limits.maxMessageLength == 4000)
        #expect(limits.maxArguments == 32)
        #expect(limits.maxArgumentLength == 256)
        #expect(limits.commandBurst == 10)
        #expect(limits.commandRefill == 2)
    }

    @Test func readsTheLimitsSection() throws {
        let (limits, reader) = try load(
            "[limits]\nmax_message_length = 1000\nmax_arguments = 8\nmax_argument_length = 64\ncommand_burst = 5\ncommand_refill = \"3s\"\n")
        #expect(limits.maxMessageLength == 1000)
        #expect(limits.maxArguments == 8)
        #expect(limits.maxArgumentLength == 64)
        #expect(limits.commandBurst == 5)
        #expect(limits.commandRefill == 3)
        #expect(reader.unknownKeys().isEmpty)
    }

    @Test func theOldPlaceInBotIsStillRead() throws {
        let (limits, reader) = try load("[bot]\nmax_message_length = 2000\nmax_arguments = 16\n")
        #expect(limits.maxMessageLength == 2000)
        #expect(limits.maxArguments == 16)
        #expect(reader.unknownKeys().isEmpty)
        // The new place wins when both are there.
        #expect(try load("[bot]\nmax_message_length = 2000\n[limits]\nmax_message_length = 3000\n").0.maxMessageLength == 3000)
    }

    @Test func badValuesNameTheKey() {
        #expect(throws: ConfigError.invalidValue(path: "test.toml", key: "limits.command_burst", message: "expected 1–10000, found 0")) {
            try load("[limits]\ncommand_burst = 0\n")
        }
        #expect(throws: ConfigError.invalidValue(path: "test.toml", key: "limits.max_message_length", message: "expected 100–100000, found 5")) {
            try load("[limits]\nmax_message_length = 5\n")
        }
        #expect(throws: ConfigError.wrongType(path: "test.toml", key: "limits.command_refill", expected: "a duration like \"10m\"", found: "true or false")) {
            try load("[limits]\ncommand_refill = true\n")
        }
        #expect(throws: ConfigError.invalidValue(path: "test.toml", key: "limits.command_refill", message: "expected a duration from \"1s\" to \"1h\", found 7200 seconds")) {
            try load("[limits]\ncommand_refill = \"2h\"\n")
        }
    }

    @Test func theShippedConfigurationSetsTheDefaults() throws {
        let path = Fixtures.repositoryRoot.appendingPathComponent("config/peerbot.toml").path
        let reader = ConfigReader(document: try ConfigDocument.load(path: path), environment: [:])
        let limits = try BotConfiguration(reader: reader).limits
        let defaults = LimitSettings()
        #expect(limits.maxMessageLength == defaults.maxMessageLength)
        #expect(limits.maxArguments == defaults.maxArguments)
        #expect(limits.maxArgumentLength == defaults.maxArgumentLength)
        #expect(limits.commandBurst == defaults.commandBurst)
        #expect(limits.commandRefill == defaults.commandRefill)
    }
}
