import Adapters
import Foundation
import PeerBot
import Testing

/// Roles come from role and user ids, never names: a role called like the
/// facilitator role, or an id written with other digits, grants nothing.
@Suite struct DiscordLookAlikeRoleTests {
    @Test func onlyTheConfiguredIdsGrantARole() throws {
        let toml = """
            [discord]
            enabled = true
            token = "t"
            facilitator_role_ids = ["\(Payloads.facilitatorRole)"]
            admin_user_ids = ["\(Payloads.sam)"]
            """
        let app = try AppConfiguration(document: try ConfigDocument.parse(toml, path: "t.toml"), environment: [:])
        let configuration = app.discord
        #expect(configuration.role(userID: Payloads.alice, memberRoleIDs: [Payloads.facilitatorRole]) == .facilitator)
        #expect(configuration.role(userID: Payloads.sam, memberRoleIDs: nil) == .admin)
        // Full-width and Arabic-Indic digits look like the ids; they are other strings.
        func digits(_ id: String, from zero: UInt32) -> String {
            String(String.UnicodeScalarView(id.unicodeScalars.compactMap { UnicodeScalar($0.value - 0x30 + zero) }))
        }
        let fullWidth = digits(Payloads.facilitatorRole, from: 0xFF10)
        let arabic = digits(Payloads.sam, from: 0x0660)
        #expect(fullWidth.unicodeScalars.count == Payloads.facilitatorRole.count)
        #expect(configuration.role(userID: Payloads.alice, memberRoleIDs: [fullWidth]) == .member)
        #expect(configuration.role(userID: arabic, memberRoleIDs: nil) == .member)
        #expect(configuration.role(userID: Payloads.alice, memberRoleIDs: ["Facilitators", "facilitator"]) == .member)
        #expect(configuration.role(userID: Payloads.alice, memberRoleIDs: [Payloads.facilitatorRole + "0"]) == .member)
    }
}
