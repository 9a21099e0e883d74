import Adapters
import Foundation
import PeerBot
import Testing

@Suite struct MastodonAppConfigurationTests {
    @Test func theSectionIsReadWithTheRestAndEnablesTheAdapter() throws {
        let document = try ConfigDocument.parse(
            """
            [console]
            enabled = false
            [mastodon]
            enabled = true
            instance = "https://social.example"
            access_token = "${TOKEN}"
            facilitators = ["@sam"]
            """, path: "peerbot.toml")
        let app = try AppConfiguration(document: document, environment: ["TOKEN": "t"])
        #expect(app.warnings.isEmpty)
        #expect(app.enabledAdapters == ["mastodon"])
        #expect(app.mastodon.facilitators.patterns == [.account("sam")])
    }

    @Test func misspelledKeysAreWarnedAbout() throws {
        let document = try ConfigDocument.parse("[mastodon]\nenabled = false\nfacilitaters = []\n", path: "peerbot.toml")
        let app = try AppConfiguration(document: document, environment: [:])
        #expect(app.warnings == ["peerbot.toml: unknown key \"mastodon.facilitaters\" (ignored; check its spelling)"])
    }

    @Test func theShippedSectionIsDisabledAndLoadsWithoutWarnings() throws {
        let root = Cassettes.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let app = try AppConfiguration.load(path: root.appendingPathComponent("config/peerbot.toml").path, environment: [:])
        #expect(app.warnings.isEmpty)
        #expect(!app.mastodon.enabled)
        #expect(app.enabledAdapters == ["console"])
    }
}
