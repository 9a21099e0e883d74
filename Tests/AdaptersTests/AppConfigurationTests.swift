import Foundation
import PeerBot
import Testing
@testable import Adapters

@Suite struct AppConfigurationTests {
    @Test func unknownKeysBecomeWarningsThatNameThem() throws {
        let document = try ConfigDocument.parse(
            "[console]\nenabled = true\nfacilitaters = [\"sam\"]\n[bott]\nname = \"x\"\n", path: "peerbot.toml")
        let app = try AppConfiguration(document: document, environment: [:])
        #expect(app.warnings == [
            "peerbot.toml: unknown key \"bott\" (ignored; check its spelling)",
            "peerbot.toml: unknown key \"console.facilitaters\" (ignored; check its spelling)",
        ])
    }

    @Test func theShippedConfigurationHasNoUnknownKeys() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let app = try AppConfiguration.load(path: root.appendingPathComponent("config/peerbot.toml").path, environment: [:])
        #expect(app.warnings.isEmpty)
        #expect(app.enabledAdapters == ["console"])
        #expect(app.console.role(of: "sam") == .facilitator)
        #expect(app.console.role(of: "riley") == .facilitator)
        #expect(app.console.role(of: "ada") == .admin)
        #expect(app.console.role(of: "alice") == .member)
        #expect(app.console.facilitatorChannel == "facilitators")
    }

    @Test func consoleChannelNamesAreValidated() throws {
        let document = try ConfigDocument.parse("[console]\nfacilitator_channel = \"two words\"\n", path: "p.toml")
        #expect(throws: ConfigError.self) { try AppConfiguration(document: document, environment: [:]) }
    }
}

@Suite struct EscalationDefaultsTests {
    @Test func theConsoleSuppliesDestinationAndMentions() throws {
        let document = try ConfigDocument.parse(
            "[console]\nfacilitator_channel = \"staff\"\nfacilitators = [\"sam\"]\nadmins = [\"ada\"]\n", path: "p.toml")
        let app = try AppConfiguration(document: document, environment: [:])
        #expect(app.core.escalation.destination.description == "console:staff")
        #expect(app.core.escalation.facilitators == ["console:sam"])
        #expect(app.core.escalation.backup == ["console:ada"])
        #expect(app.warnings.isEmpty)
    }

    @Test func configuredValuesWinAndUndeliverableDestinationsAreWarned() throws {
        let document = try ConfigDocument.parse(
            "[escalation]\ndestination = \"matrix:!room\"\nfacilitators = []\n[console]\nfacilitators = [\"sam\"]\n", path: "p.toml")
        let app = try AppConfiguration(document: document, environment: [:])
        #expect(app.core.escalation.destination.description == "matrix:!room")
        #expect(app.core.escalation.facilitators.isEmpty)
        #expect(app.warnings == [
            "p.toml: escalation.destination: pages to matrix:!room wait in the outbox until a matrix adapter runs (it is not enabled)"
        ])
    }
}
