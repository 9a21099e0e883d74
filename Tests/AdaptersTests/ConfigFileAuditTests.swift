import Foundation
import PeerBot
import Testing
@testable import Adapters

@Suite struct ConfigFileAuditTests {
    @Test func secretNamesAndVariableReferences() {
        for name in ["discord.token", "matrix.access_token", "matrix.password", "x.client_secret", "x.api_key", "x.key"] {
            #expect(ConfigFileAudit.isSecretName(name), "\(name)")
        }
        for name in ["discord.token_file", "bot.name", "x.keywords", "crisis.mode"] {
            #expect(!ConfigFileAudit.isSecretName(name), "\(name)")
        }
        #expect(ConfigFileAudit.variables(in: "${A}-$${B}-${C}") == ["A", "C"])
        #expect(ConfigFileAudit.variables(in: "cost: $5") == [])
    }

    @Test func everyMissingVariableIsNamedButNotInSectionsThatAreOff() throws {
        let document = try ConfigDocument.parse(
            """
            [bot]
            name = "${ONE}"
            [agreements]
            lines = ["${TWO}", "fine"]
            [matrix]
            access_token = "${THREE}"
            [discord]
            enabled = true
            token = "${FOUR}"
            [console]
            enabled = false
            admins = ["${FIVE}"]
            """, path: "p.toml")
        let audit = ConfigFileAudit(document: document, environment: ["ONE": ""], mode: 0o600)
        #expect(audit.missingSecrets().map(\.description) == [
            "agreements.lines[0]: secret is missing: environment variable TWO is not set",
            "bot.name: secret is missing: environment variable ONE is not set",
            "discord.token: secret is missing: environment variable FOUR is not set",
        ])
    }

    @Test func literalSecretsWarnOnlyWhenOthersCanRead() throws {
        let document = try ConfigDocument.parse("[discord]\ntoken = \"abc\"\n[matrix]\npassword = \"${P}\"\n", path: "p.toml")
        #expect(ConfigFileAudit(document: document, environment: [:], mode: 0o600).inlineSecretWarnings().isEmpty)
        let warnings = ConfigFileAudit(document: document, environment: [:], mode: 0o640).inlineSecretWarnings()
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("p.toml: discord.token is written in the file, which group or others can read (mode 640)") == true)
        #expect(warnings.first?.contains("abc") == false)
    }

    /// Every key an adapter reads as a secret, found by loading each adapter's
    /// section the way `peerbot run` does (Matrix twice: token, then password).
    static func secretKeysTheAdaptersRead() throws -> Set<String> {
        let environment = ["T": "t0ken-value-1234"]
        func keys(_ toml: String) throws -> Set<String> {
            let reader = ConfigReader(document: try ConfigDocument.parse(toml, path: "p.toml"), environment: environment)
            _ = try DiscordConfiguration(reader: reader)
            _ = try MastodonConfiguration(reader: reader)
            _ = try MatrixConfiguration(reader: reader)
            _ = try ConsoleConfiguration(reader: reader)
            _ = try OperationsConfiguration(reader: reader)
            _ = try BotConfiguration(reader: reader)
            return reader.secretKeys
        }
        let platforms = """
            [discord]
            enabled = true
            token = "${T}"
            [mastodon]
            enabled = true
            instance = "https://social.example"
            access_token = "${T}"
            """
        let withToken = try keys(platforms + "\n[matrix]\nenabled = true\nhomeserver = \"https://m.example\"\nuser_id = \"@bot:m.example\"\naccess_token = \"${T}\"\n")
        let withPassword = try keys(platforms + "\n[matrix]\nenabled = true\nhomeserver = \"https://m.example\"\nuser_id = \"@bot:m.example\"\npassword = \"${T}\"\n")
        return withToken.union(withPassword)
    }

    @Test func everySecretAnAdapterReadsIsKnownToTheAudit() throws {
        let keys = try Self.secretKeysTheAdaptersRead()
        #expect(keys.isSuperset(of: ["discord.token", "mastodon.access_token", "matrix.access_token", "matrix.password"]))
        for key in keys { #expect(ConfigFileAudit.isSecretName(key), "\(key) is read as a secret but the audit does not know it") }
    }

    @Test func inlineSecretsOfEveryAdapterWarnWhenOthersCanReadTheFile() throws {
        let secrets = [
            "discord.token": "Dsc0rd-inline-token-value", "mastodon.access_token": "mstdn-inline-token-value",
            "matrix.access_token": "syt-inline-token-value", "matrix.password": "matrix-inline-password",
        ]
        let document = try ConfigDocument.parse(
            """
            [discord]
            enabled = true
            token = "\(secrets["discord.token"]!)"
            [mastodon]
            enabled = true
            instance = "https://social.example"
            access_token = "\(secrets["mastodon.access_token"]!)"
            [matrix]
            enabled = true
            access_token = "\(secrets["matrix.access_token"]!)"
            password = "\(secrets["matrix.password"]!)"
            """, path: "p.toml")
        for mode in [0o644, 0o640, 0o604, 0o666] {
            let warnings = ConfigFileAudit(document: document, environment: [:], mode: mode).inlineSecretWarnings()
            #expect(warnings.count == 4, "mode \(String(mode, radix: 8))")
            for key in secrets.keys.sorted() {
                #expect(warnings.contains { $0.hasPrefix("p.toml: \(key) is written in the file, which group or others can read") })
            }
            for value in secrets.values { #expect(!warnings.joined().contains(value)) }
        }
        #expect(ConfigFileAudit(document: document, environment: [:], mode: 0o600).inlineSecretWarnings().isEmpty)
        #expect(ConfigFileAudit(document: document, environment: [:], mode: 0o400).inlineSecretWarnings().isEmpty)
    }

    @Test func secretsFromTheEnvironmentOrFilesNeverWarn() throws {
        let document = try ConfigDocument.parse(
            """
            [discord]
            token = "${DISCORD_TOKEN}"
            [mastodon]
            access_token_file = "/run/secrets/mastodon"
            [matrix]
            access_token = "${MATRIX_TOKEN}"
            password_file = "/run/secrets/matrix-password"
            """, path: "p.toml")
        #expect(ConfigFileAudit(document: document, environment: [:], mode: 0o644).inlineSecretWarnings().isEmpty)
    }
}
