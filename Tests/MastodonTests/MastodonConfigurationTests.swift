import Adapters
import Foundation
import PeerBot
import Testing

@Suite struct MastodonConfigurationTests {
    func load(_ toml: String, environment: [String: String] = ["PEERBOT_MASTODON_TOKEN": "tok-123"]) throws -> MastodonConfiguration {
        let document = try ConfigDocument.parse(toml, path: "peerbot.toml")
        return try MastodonConfiguration(reader: ConfigReader(document: document, environment: environment))
    }

    func error(_ toml: String, environment: [String: String] = ["PEERBOT_MASTODON_TOKEN": "tok-123"]) -> String? {
        do {
            _ = try load(toml, environment: environment)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func disabledByDefault() throws {
        let configuration = try load("")
        #expect(!configuration.enabled)
        #expect(configuration.instance == nil)
        #expect(configuration.streaming)
        #expect(configuration.pollInterval == 60)
        #expect(configuration.firstStartCatchUp == 3600)
    }

    @Test func fullSection() throws {
        let configuration = try load(
            """
            [mastodon]
            enabled = true
            instance = "https://social.example/"
            access_token = "${PEERBOT_MASTODON_TOKEN}"
            facilitators = ["@sam", "@riley@other.example", "109876543210"]
            admins = ["@ada"]
            allow = ["other.example", "@alice"]
            streaming = false
            poll_interval = "30s"
            first_start_catch_up = "10m"
            """)
        #expect(configuration.enabled)
        #expect(configuration.instance?.absoluteString == "https://social.example")
        #expect(configuration.accessToken == "tok-123")
        #expect(configuration.facilitators.patterns == [.account("sam"), .account("riley@other.example"), .id("109876543210")])
        #expect(configuration.admins.patterns == [.account("ada")])
        #expect(configuration.allow.patterns == [.domain("other.example"), .account("alice")])
        #expect(!configuration.streaming)
        #expect(configuration.pollInterval == 30)
        #expect(configuration.firstStartCatchUp == 600)
    }

    @Test func tokenFromAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-mastodon-token-\(UUID().uuidString)")
        try Data("file-token\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = try load(
            "[mastodon]\nenabled = true\ninstance = \"https://social.example\"\naccess_token_file = \"\(file.path)\"\n")
        #expect(configuration.accessToken == "file-token")
    }

    @Test func plainHTTPOnlyOnLoopback() throws {
        let loopback = try load("[mastodon]\nenabled = true\ninstance = \"http://127.0.0.1:8080\"\naccess_token = \"x\"\n")
        #expect(loopback.instance?.absoluteString == "http://127.0.0.1:8080")
        #expect(
            error("[mastodon]\nenabled = true\ninstance = \"http://social.example\"\naccess_token = \"x\"\n")?
                .contains("mastodon.instance: use https://") == true)
    }

    @Test func clearErrorsNameTheKey() {
        #expect(error("[mastodon]\nenabled = true\naccess_token = \"x\"\n") == "peerbot.toml: mastodon.instance is required: the address of the bot's instance, e.g. \"https://social.example\"")
        #expect(error("[mastodon]\nenabled = true\ninstance = \"https://social.example\"\n")?.hasPrefix("peerbot.toml: mastodon.access_token: secret is missing") == true)
        #expect(error("[mastodon]\nenabled = true\ninstance = \"https://social.example\"\naccess_token = \"${UNSET_VAR}\"\n", environment: [:])?.contains("UNSET_VAR") == true)
        #expect(error("[mastodon]\ninstance = \"https://social.example/path\"\n")?.contains("mastodon.instance: expected only the instance's address") == true)
        #expect(error("[mastodon]\ninstance = \"social.example\"\n")?.contains("mastodon.instance") == true)
        #expect(error("[mastodon]\nfacilitators = [\"sam\"]\n") == "peerbot.toml: mastodon.facilitators[0]: expected an account id, \"@user\" or \"@user@domain\", found \"sam\"")
        #expect(error("[mastodon]\nfacilitators = [\"other.example\"]\n")?.contains("mastodon.facilitators[0]") == true)
        #expect(error("[mastodon]\nallow = [\"not a domain\"]\n")?.contains("mastodon.allow[0]") == true)
        #expect(error("[mastodon]\npoll_interval = \"1s\"\n")?.contains("mastodon.poll_interval") == true)
        #expect(error("[mastodon]\nstreaming = \"yes\"\n") == "peerbot.toml: mastodon.streaming: expected true or false, found a string")
    }

    @Test func aDisabledSectionDoesNotNeedItsSecret() throws {
        let configuration = try load(
            "[mastodon]\nenabled = false\ninstance = \"https://social.example\"\naccess_token = \"${PEERBOT_MASTODON_TOKEN}\"\n",
            environment: [:])
        #expect(!configuration.enabled)
        #expect(configuration.accessToken == nil)
    }

    @Test func streamingURLsFromTheInstance() throws {
        let endpoints = MastodonEndpoints(instance: try #require(URL(string: "https://social.example")))
        #expect(endpoints.streaming(base: "wss://streaming.social.example")?.absoluteString == "wss://streaming.social.example/api/v1/streaming?stream=user:notification")
        #expect(endpoints.streaming(base: nil)?.absoluteString == "wss://social.example/api/v1/streaming?stream=user:notification")
        // The token must not travel in clear to a remote host.
        #expect(endpoints.streaming(base: "ws://streaming.social.example") == nil)
        #expect(endpoints.streaming(base: "ws://localhost:4000")?.absoluteString == "ws://localhost:4000/api/v1/streaming?stream=user:notification")
        #expect(endpoints.account("123")?.absoluteString == "https://social.example/api/v1/accounts/123")
        #expect(endpoints.account("../admin") == nil)
    }
}
