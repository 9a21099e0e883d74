import Foundation
import Testing

/// One test per class of configuration error, through the real executable:
/// each exits non-zero with one line naming the file, the key and what was expected.
@Suite struct ConfigurationErrorTests {
    @Test func missingFile() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.run(["run", "--config", "nowhere.toml"])
        #expect(result.status == 78)
        #expect(result.stderr == "peerbot: error: nowhere.toml: no such file (pass --config FILE, or copy config/peerbot.toml)\n")
    }

    @Test func syntaxError() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("[bot]\nname = \n")
        let result = try await peer.run(["run", "--config", config])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("peerbot: error: \(config):9:"))
        #expect(result.stderr.contains("syntax error"))
    }

    @Test func wrongType() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("[bot]\nmax_message_length = \"lots\"\n")
        let result = try await peer.run(["run", "--config", config])
        #expect(result.status == 78)
        #expect(result.stderr == "peerbot: error: \(config): bot.max_message_length: expected an integer, found a string\n")
    }

    @Test func unknownKeyIsAWarningThatNamesIt() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("[bot]\ncomand_prefix = \"?\"\n")
        let result = try await peer.run(["console", "--config", config], input: Data("alice: !help\n".utf8))
        #expect(result.status == 0)
        #expect(result.stderr.contains("peerbot: warning: \(config): unknown key \"bot.comand_prefix\" (ignored; check its spelling)"))
        #expect(result.stdout.contains("[dm:alice]"))
    }

    @Test func missingSecret() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("[bot]\nname = \"${PEERBOT_TEST_UNSET_VARIABLE}\"\n")
        let result = try await peer.run(["run", "--config", config])
        #expect(result.status == 78)
        #expect(result.stderr.contains("bot.name: secret is missing: environment variable PEERBOT_TEST_UNSET_VARIABLE is not set"))
    }

    @Test func badResourceDirectoryNamesEveryBadEntry() async throws {
        let peer = PeerBotProcess()
        let file = peer.directory.appendingPathComponent("bad.toml").path
        try """
            [[service]]
            id = "a"
            name = "A"
            [[service]]
            id = "b"
            name = "B"
            purpose = "x"
            regions = ["US"]
            topics = ["crisis"]
            phone = "1"
            hours = "24/7"
            languages = ["en"]
            source = "https://example.org/"
            checked = "2026-11-22"
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try await peer.run(["resources", "validate", file])
        #expect(result.status == 78)
        #expect(result.stderr.contains("entry 1 (a): missing purpose; missing regions; missing topics"))
        let shipped = try await peer.run(["resources", "validate", PeerBotProcess.repositoryRoot.appendingPathComponent("config/resources.toml").path])
        #expect(shipped.status == 0)
    }

    @Test func checkConfig() async throws {
        let peer = PeerBotProcess()
        let good = try await peer.run(["check-config", "--config", try peer.writeConfig()])
        #expect(good.status == 0)
        #expect(good.stdout.contains("adapters enabled: console"))
        let disabled = try peer.writeConfig("", name: "off.toml")
        try (try String(contentsOfFile: disabled, encoding: .utf8)).replacingOccurrences(of: "[console]", with: "[console]\nenabled = false")
            .write(toFile: disabled, atomically: true, encoding: .utf8)
        let none = try await peer.run(["check-config", "--config", disabled])
        #expect(none.status == 78)
        #expect(none.stderr.contains("no adapter is enabled"))
    }
}
