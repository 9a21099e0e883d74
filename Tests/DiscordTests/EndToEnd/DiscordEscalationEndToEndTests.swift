import Adapters
import Foundation
import PeerBot
import Testing

/// A member asks for a facilitator on Discord; the page reaches the
/// facilitators' channel, pings only the facilitator, and its buttons and a
/// ✅ reaction take the ticket — all through the real core.
@Suite(.serialized) struct DiscordEscalationEndToEndTests {
    static let aliceDM = "700000000000001001"  // the fake's DM channel for alice

    func withRig(_ body: (DiscordRig) async throws -> Void) async throws {
        let fake = try await FakeDiscord.start()
        let rig = try DiscordRig(fake: fake)
        do {
            try await body(rig)
        } catch {
            await rig.shutdown()
            await fake.stop()
            throw error
        }
        await rig.shutdown()
        await fake.stop()
    }

    static func pages(_ records: [JSONValue]) -> [JSONValue] {
        records.rest("POST", "/api/v10/channels/\(Payloads.facilitatorChannel)/messages")
            .filter { $0.requestBody?["content"]?.string?.contains("Ticket #1") == true }
    }

    static func messagesToAlice(_ records: [JSONValue]) -> [JSONValue] {
        records.rest("POST", "/api/v10/channels/\(aliceDM)/messages")
    }

    @Test func theAcknowledgeButtonTakesThePagedTicket() async throws {
        try await withRig { rig in
            try await rig.run {
                try await rig.fake.waitFor("READY") { DiscordGatewayEndToEndTests.ready($0) }
                try await rig.fake.dispatch(frame: Payloads.messageCreate(content: "!facilitator rough night"))
                let paged = try await rig.fake.waitFor("the page and the member's confirmation") {
                    !Self.pages($0).isEmpty && !Self.messagesToAlice($0).isEmpty
                }
                let page = try #require(Self.pages(paged).first?.requestBody)
                #expect(page["content"]?.string?.hasPrefix("<@\(Payloads.sam)>\n") == true)
                #expect(page["allowed_mentions"]?["users"] == .array([.string(Payloads.sam)]))
                #expect(page["allowed_mentions"]?["parse"] == .array([]))
                #expect(page["components"]?[0]?["components"]?[0]?["custom_id"] == .string("pb:ack:1"))
                let confirmation = Self.messagesToAlice(paged).first?.requestBody?["content"]?.string ?? ""
                #expect(confirmation.contains("No one has seen it yet"), "honest until someone acknowledges")

                try await rig.fake.dispatch(frame: Payloads.buttonPress(customID: "pb:ack:1", channel: Payloads.facilitatorChannel))
                let acknowledged = try await rig.fake.waitFor("the button's answer and the member told") {
                    !$0.rest("POST", "/api/v10/interactions/900000000000000060/").isEmpty && Self.messagesToAlice($0).count == 2
                }
                let callback = try #require(acknowledged.rest("POST", "/api/v10/interactions/900000000000000060/").first)
                #expect(callback["status"]?.int == 204, "answered inside the deadline")
                #expect(callback.requestBody?["type"] == .integer(4))
                #expect(callback.requestBody?["data"]?["content"]?.string?.contains("#1") == true)
                #expect(callback.requestBody?["data"]?["allowed_mentions"]?["parse"] == .array([]))
            }
        }
    }

    @Test func aCheckmarkOnThePageAcknowledgesItToo() async throws {
        try await withRig { rig in
            try await rig.run {
                try await rig.fake.waitFor("READY") { DiscordGatewayEndToEndTests.ready($0) }
                try await rig.fake.dispatch(frame: Payloads.messageCreate(content: "!facilitator"))
                let paged = try await rig.fake.waitFor("the page") { !Self.pages($0).isEmpty }
                let pageID = try #require(Self.pages(paged).first?["message_id"]?.string)
                try await rig.fake.dispatch(frame: Payloads.reactionAdd(messageID: pageID, channel: Payloads.facilitatorChannel))
                let records = try await rig.fake.waitFor("the member told someone has it") { Self.messagesToAlice($0).count == 2 }
                let told = Self.messagesToAlice(records).last?.requestBody?["content"]?.string ?? ""
                #expect(told.contains("@sam"))
            }
        }
    }
}
