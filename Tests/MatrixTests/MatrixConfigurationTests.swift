import Foundation
import PeerBot
import Testing
@testable import Adapters

@Suite struct MatrixConfigurationTests {
    func load(_ toml: String, environment: [String: String] = [:]) throws -> MatrixConfiguration {
        try MatrixConfiguration(reader: ConfigReader(document: try ConfigDocument.parse(toml, path: "p.toml"), environment: environment))
    }

    static let minimal = """
        [matrix]
        enabled = true
        homeserver = "https://matrix.example.org"
        user_id = "@peerbot:example.org"
        access_token = "${MATRIX_TOKEN}"

        """

    @Test func aDisabledSectionNeedsNoSecrets() throws {
        let configuration = try load("[matrix]\nenabled = false\naccess_token = \"${UNSET}\"\n")
        #expect(!configuration.enabled)
        #expect(configuration.credentials == nil)
    }

    @Test func readsEveryKeyWithDefaults() throws {
        let configuration = try load(
            Self.minimal + """
                rooms = ["!abc", "#support:example.org"]
                auto_join_from = ["@ada:example.org", "example.org"]
                facilitators = ["@sam:example.org"]
                facilitators_room = "!facilitators"
                sync_timeout = "20s"
                """, environment: ["MATRIX_TOKEN": "syt_secret"])
        #expect(configuration.enabled)
        #expect(configuration.homeserver == URL(string: "https://matrix.example.org"))
        #expect(configuration.credentials == .accessToken("syt_secret"))
        #expect(configuration.serverName == "example.org")
        #expect(configuration.rooms == ["!abc", "#support:example.org"])
        #expect(configuration.facilitatorPowerLevel == 50 && configuration.adminPowerLevel == 100)
        #expect(configuration.syncTimeout == 20)
        #expect(configuration.maxBackoff == 300)
        #expect(configuration.facilitatorsRoom == "!facilitators")
        #expect(configuration.summary == "matrix: @peerbot:example.org on https://matrix.example.org (access token), 2 rooms to join, "
            + "invites from @ada:example.org, example.org, facilitators' room !facilitators")
        #expect(!configuration.summary.contains("syt_secret"))
    }

    @Test func invitesAreAcceptedFromListedUsersAndServers() throws {
        var configuration = MatrixConfiguration()
        configuration.autoJoinFrom = ["@ada:example.org", "friends.org"]
        #expect(configuration.acceptsInvite(from: "@ada:example.org"))
        #expect(!configuration.acceptsInvite(from: "@eve:example.org"))
        #expect(configuration.acceptsInvite(from: "@anyone:friends.org"))
        #expect(!configuration.acceptsInvite(from: "@x:notfriends.org"))
        #expect(!configuration.acceptsInvite(from: "friends.org"))
    }

    @Test func passwordLoginUsesAFixedDevice() throws {
        let configuration = try load(
            "[matrix]\nenabled = true\nhomeserver = \"http://127.0.0.1:8008\"\nuser_id = \"@peerbot:localhost\"\npassword = \"${PW}\"\n",
            environment: ["PW": "hunter2"])
        #expect(configuration.credentials == .password("hunter2", deviceID: "PEERBOT"))
    }

    @Test func mistakesNameTheKey() {
        let cases: [(String, String)] = [
            ("[matrix]\nenabled = true\nhomeserver = \"matrix.example.org\"\n", "matrix.homeserver"),
            (Self.minimal.replacingOccurrences(of: "@peerbot:example.org", with: "peerbot"), "matrix.user_id"),
            ("[matrix]\nenabled = true\nhomeserver = \"https://m.example.org\"\nuser_id = \"@p:example.org\"\n", "matrix.access_token"),
            (Self.minimal + "rooms = [\"general\"]\n", "matrix.rooms"),
            (Self.minimal + "auto_join_from = [\"@bad\"]\n", "matrix.auto_join_from"),
            (Self.minimal + "facilitators = [\"sam\"]\n", "matrix.facilitators"),
            (Self.minimal + "facilitator_power_level = 101\n", "matrix.facilitator_power_level"),
            (Self.minimal + "facilitators_room = \"#facilitators:example.org\"\n", "matrix.facilitators_room"),
            (Self.minimal + "sync_timeout = \"10m\"\n", "matrix.sync_timeout"),
        ]
        for (toml, key) in cases {
            do {
                _ = try load(toml, environment: ["MATRIX_TOKEN": "t"])
                Issue.record("expected an error naming \(key)")
            } catch {
                #expect("\(error)".contains(key), "\(error)")
            }
        }
    }

    @Test func pagesGoToTheFacilitatorsRoomAndMentionTheListedFacilitators() throws {
        let toml = Self.minimal + """
            facilitators = ["@sam:example.org"]
            admins = ["@ada:example.org"]
            facilitators_room = "!facilitators"
            [console]
            enabled = false
            """
        let app = try AppConfiguration(document: try ConfigDocument.parse(toml, path: "p.toml"), environment: ["MATRIX_TOKEN": "t"])
        #expect(app.enabledAdapters == ["matrix"])
        #expect(app.core.escalation.destination == EscalationDestination(platform: .matrix, channelID: "!facilitators"))
        #expect(app.core.escalation.facilitators.contains("matrix:@sam:example.org"))
        #expect(app.core.escalation.backup.contains("matrix:@ada:example.org"))
        #expect(app.warnings.isEmpty)
    }

    @Test func theShippedConfigurationKeepsMatrixOffWithoutWarnings() throws {
        let path = SynapseHomeserver.repositoryRoot.appendingPathComponent("config/peerbot.toml").path
        let app = try AppConfiguration.load(path: path, environment: [:])
        #expect(!app.matrix.enabled)
        #expect(app.warnings.isEmpty)
        #expect(app.enabledAdapters == ["console"])
    }
}
