import Adapters
import Foundation
import Testing

/// Every request the adapter can build conforms to Discord's OpenAPI description.
@Suite struct DiscordRequestTests {
    func body(_ request: DiscordRequest) throws -> JSONValue {
        try JSONValue.parse(try #require(request.body))
    }

    @Test func createMessageCarriesNonceEnforceNonceAndNoPings() throws {
        let request = DiscordRequest.createMessage(
            channelID: "222", body: MessageCreateBody(content: "hello", nonce: DiscordNonce.make(idempotencyKey: "pb-1", part: 0)))
        #expect(try SpecCheck.problems(request) == [])
        let json = try body(request)
        #expect(json["enforce_nonce"] == .bool(true))
        #expect(json["nonce"]?.string?.count == 25)
        #expect(json["allowed_mentions"]?["parse"] == .array([]))
        #expect(request.route.path == "/channels/222/messages")
        #expect(request.route.majorParameter == "222")
        #expect(request.isIdempotent)
    }

    @Test func pageWithButtonsAndAllowedMentionsConforms() throws {
        let request = DiscordRequest.createMessage(
            channelID: "222",
            body: MessageCreateBody(
                content: "<@&900> Ticket #4", nonce: "n", allowedMentions: .only(users: ["11", "11"], roles: ["900"]),
                components: ButtonCommand.pageButtons(ticket: 4)))
        #expect(try SpecCheck.problems(request) == [])
        let json = try body(request)
        #expect(json["allowed_mentions"]?["users"] == .array([.string("11")]))
        #expect(json["allowed_mentions"]?["roles"] == .array([.string("900")]))
        #expect(json["components"]?[0]?["components"]?[0]?["custom_id"] == .string("pb:ack:4"))
        #expect(json["components"]?[0]?["components"]?[1]?["label"] == .string("Resolve"))
    }

    @Test func directMessageChannelAndReactionConform() throws {
        let dm = DiscordRequest.createDM(recipientID: "333")
        #expect(try SpecCheck.problems(dm) == [])
        #expect(try body(dm)["recipient_id"] == .string("333"))
        let react = DiscordRequest.createReaction(channelID: "1", messageID: "2", emoji: "✅")
        #expect(try SpecCheck.problems(react) == [])
        #expect(react.route.path == "/channels/1/messages/2/reactions/%E2%9C%85/@me")
    }

    @Test func interactionResponsesConform() throws {
        let now = DiscordRequest.interactionCallback(
            interactionID: "77", token: "tok-en_1",
            body: .message(WebhookMessageBody(content: "only you", ephemeral: true, components: ButtonCommand.checkinButtons())))
        #expect(try SpecCheck.problems(now) == [])
        #expect(try body(now)["type"] == .integer(4))
        #expect(try body(now)["data"]?["flags"] == .integer(64))
        #expect(now.route.exemptFromGlobalLimit)
        let deferred = DiscordRequest.interactionCallback(interactionID: "77", token: "t", body: .deferred(ephemeral: true))
        #expect(try SpecCheck.problems(deferred) == [])
        #expect(try body(deferred)["type"] == .integer(5))
        #expect(try body(deferred)["data"]?["flags"] == .integer(64))
        let publicDeferred = DiscordRequest.interactionCallback(interactionID: "77", token: "t", body: .deferred(ephemeral: false))
        #expect(try SpecCheck.problems(publicDeferred) == [])
        let edit = DiscordRequest.editOriginalResponse(applicationID: "5", token: "t", body: WebhookMessageBody(content: "done", ephemeral: true))
        #expect(try SpecCheck.problems(edit) == [])
        let delete = DiscordRequest.deleteOriginalResponse(applicationID: "5", token: "t")
        #expect(try SpecCheck.problems(delete) == [])
        let followup = DiscordRequest.createFollowup(applicationID: "5", token: "t", body: WebhookMessageBody(content: "more", ephemeral: true))
        #expect(try SpecCheck.problems(followup) == [])
        #expect(!followup.isIdempotent)
    }

    @Test func bulkOverwriteGloballyAndPerGuildConforms() throws {
        let commands = SlashCommands(
            sources: [
                .init(name: "resources", arguments: "[TOPIC] [REGION]", summary: "help lines for a topic"),
                .init(name: "checkin", arguments: "[1-5] [NOTE] | history | daily HH:MM [TZ]", summary: "check in"),
                .init(name: "ack", arguments: "N", summary: "take a ticket"),
                .init(name: "help", arguments: "", summary: "what I can do"),
            ], global: true)
        let global = DiscordRequest.bulkOverwriteCommands(applicationID: "5", guildID: nil, commands: commands.definitions)
        #expect(try SpecCheck.problems(global) == [])
        #expect(global.route.template == "/applications/{application_id}/commands")
        let guildCommands = SlashCommands(sources: [.init(name: "region", arguments: "CODE|clear", summary: "remember your country")], global: false)
        let guild = DiscordRequest.bulkOverwriteCommands(applicationID: "5", guildID: "6", commands: guildCommands.definitions)
        #expect(try SpecCheck.problems(guild) == [])
        #expect(guild.route.path == "/applications/5/guilds/6/commands")
    }

    @Test func gatewayBotConforms() throws {
        #expect(try SpecCheck.problems(.getGatewayBot()) == [])
    }

    @Test func urlsKeepTheBasePath() throws {
        let base = try #require(URL(string: "http://127.0.0.1:9/api/v10/"))
        let url = DiscordRequest.createMessage(channelID: "1", body: MessageCreateBody(content: "x", nonce: nil)).url(base: base)
        #expect(url?.absoluteString == "http://127.0.0.1:9/api/v10/channels/1/messages")
    }
}
