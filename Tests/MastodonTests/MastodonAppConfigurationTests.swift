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

extension MastodonAppConfigurationTests {
    @Test func withoutAConsolePagesGoToMastodonDirectMentioningItsFacilitators() throws {
        let document = try ConfigDocument.parse(
            """
            [console]
            enabled = false
            [mastodon]
            enabled = true
            instance = "https://social.example"
            access_token = "t"
            facilitators = ["@sam", "@riley@other.example", "1234"]
            admins = ["@ada"]
            """, path: "peerbot.toml")
        let app = try AppConfiguration(document: document, environment: [:])
        #expect(app.core.escalation.destination.description == "mastodon:direct")
        #expect(app.core.escalation.facilitators == ["mastodon:@sam", "mastodon:@riley@other.example", "mastodon:1234"])
        #expect(app.core.escalation.backup == ["mastodon:@ada"])
        #expect(app.warnings.isEmpty)
    }

    @Test func anExplicitEscalationDestinationIsKept() throws {
        let document = try ConfigDocument.parse(
            """
            [escalation]
            destination = "mastodon:direct"
            facilitators = ["mastodon:@sam"]
            [mastodon]
            enabled = true
            instance = "https://social.example"
            access_token = "t"
            """, path: "peerbot.toml")
        let app = try AppConfiguration(document: document, environment: [:])
        #expect(app.core.escalation.destination.description == "mastodon:direct")
        #expect(app.core.escalation.facilitators == ["mastodon:@sam"])
        #expect(app.warnings.isEmpty)
    }
}
