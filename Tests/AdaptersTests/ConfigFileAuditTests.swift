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
}
