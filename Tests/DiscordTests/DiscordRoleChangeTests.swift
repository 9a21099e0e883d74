import Adapters
import Foundation
import PeerBot
import Testing

/// Direct messages carry no roles, so the translator remembers the role it
/// last saw in the guild. A role taken away, or the member removed, must
/// count at once: a former facilitator cannot go on acting through DMs.
@Suite struct DiscordRoleChangeTests {
    var translator: DiscordEventTranslator

    init() throws {
        var configuration = DiscordConfiguration()
        configuration.facilitatorRoleIDs = [Payloads.facilitatorRole]
        translator = DiscordEventTranslator(configuration: configuration, slashCommands: SlashCommands(sources: [], global: true))
        _ = translator.translate(try GatewayFrame(text: Payloads.ready()))
    }

    mutating func roleInDM(_ id: String) throws -> Role? {
        let translation = translator.translate(try GatewayFrame(text: Payloads.messageCreate(id: id, content: "!tickets", guild: nil)))
        guard case .message(let message) = translation.event else { return nil }
        return message.authorRole
    }

    mutating func send(_ name: String, _ data: String) throws {
        _ = translator.translate(try GatewayFrame(text: Payloads.frame(name, sequence: 9, data)))
    }

    static func memberUpdate(roles: [String]) -> String {
        #"{"guild_id":"\#(Payloads.guild)","roles":[\#(roles.map { "\"\($0)\"" }.joined(separator: ","))],"user":\#(Payloads.user(Payloads.alice, "alice")),"nick":null,"joined_at":"2026-01-01T00:00:00.000000+00:00","flags":0}"#
    }

    @Test mutating func aFacilitatorRoleTakenAwayOrAMemberRemovedCountsInDMsAtOnce() throws {
        _ = translator.translate(
            try GatewayFrame(text: Payloads.messageCreate(id: "900000000000000002", roles: [Payloads.facilitatorRole], content: "hi")))
        #expect(try roleInDM("900000000000000003") == .facilitator)

        try send("GUILD_MEMBER_UPDATE", Self.memberUpdate(roles: []))
        #expect(try roleInDM("900000000000000004") == .member)

        try send("GUILD_MEMBER_UPDATE", Self.memberUpdate(roles: [Payloads.facilitatorRole]))
        #expect(try roleInDM("900000000000000005") == .facilitator)

        try send("GUILD_MEMBER_REMOVE", #"{"guild_id":"\#(Payloads.guild)","user":\#(Payloads.user(Payloads.alice, "alice"))}"#)
        #expect(try roleInDM("900000000000000006") == .member)
    }
}
