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
