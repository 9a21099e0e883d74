import Adapters
import Foundation
import PeerBot
import Testing

@Suite struct DiscordEventTranslatorTests {
    var translator: DiscordEventTranslator

    init() throws {
        var configuration = DiscordConfiguration()
        configuration.facilitatorRoleIDs = [Payloads.facilitatorRole]
        configuration.adminRoleIDs = [Payloads.adminRole]
        configuration.welcomeChannelID = Payloads.channel
        let slash = SlashCommands(sources: [.init(name: "resources", arguments: "[TOPIC] [REGION]", summary: "s")], global: true)
        translator = DiscordEventTranslator(configuration: configuration, slashCommands: slash)
        _ = translator.translate(try GatewayFrame(text: Payloads.ready()))
    }

    mutating func translate(_ text: String) throws -> DiscordTranslation {
        translator.translate(try GatewayFrame(text: text))
    }

    @Test mutating func readyTeachesTheBotAndApplicationIDs() {
        #expect(translator.botUserID == Payloads.bot)
        #expect(translator.applicationID == Payloads.application)
    }

    @Test mutating func messageCreateBecomesAMessageWithRoleAndChannel() throws {
        _ = try translate(Payloads.guildCreate())
        let translation = try translate(Payloads.messageCreate(roles: [Payloads.facilitatorRole], content: "!resources crisis US"))
        guard case .message(let message) = translation.event else {
            Issue.record("expected a message, got \(String(describing: translation.event))")
            return
        }
        #expect(message.text == "!resources crisis US")
        #expect(message.author == MemberRef(platform: .discord, id: Payloads.alice))
        #expect(message.author.handle == "@alice")
        #expect(message.authorRole == .facilitator)
        #expect(message.channel == ChannelRef(platform: .discord, space: Payloads.guild, id: Payloads.channel, name: "general"))
        #expect(message.channel.displayName == "#general")
        #expect(!message.authorIsBot)
        #expect(translation.dedupeKey == "message:900000000000000001")
    }

    @Test mutating func directMessagesUseTheRoleLastSeenInTheGuild() throws {
        _ = try translate(Payloads.messageCreate(id: "900000000000000002", roles: [Payloads.adminRole], content: "hi"))
        let translation = try translate(Payloads.messageCreate(id: "900000000000000003", content: "!tickets", guild: nil))
        guard case .message(let message) = translation.event else { return #expect(Bool(false)) }
        #expect(message.channel.isDirect)
        #expect(message.authorRole == .admin)
    }

    @Test mutating func theBotsOwnMessagesAreMarked() throws {
        let translation = try translate(Payloads.messageCreate(author: Payloads.bot, name: "peerbot", content: "hello"))
        guard case .message(let message) = translation.event else { return #expect(Bool(false)) }
        #expect(message.authorIsBot)
    }

    @Test mutating func slashCommandsBecomeCommandsWithTheirOptions() throws {
        let translation = try translate(
            Payloads.slashCommand(name: "resources", options: #"[{"name":"topic","type":3,"value":"crisis"},{"name":"region","type":3,"value":"US"}]"#))
        guard case .command(let command) = translation.event else { return #expect(Bool(false)) }
        #expect(command.name == "resources")
        #expect(command.arguments == ["crisis", "US"])
        #expect(command.id == "900000000000000050")
        #expect(command.author.handle == "@Al")
        #expect(command.authorRole == .member)
        #expect(translation.interaction == InteractionHandle(
            id: "900000000000000050", token: "interaction-token-1", applicationID: Payloads.application, channelID: Payloads.channel))
    }

    @Test mutating func buttonsBecomeTheCommandsTheyStandFor() throws {
        let ack = try translate(Payloads.buttonPress(customID: "pb:ack:12"))
        guard case .command(let command) = ack.event else { return #expect(Bool(false)) }
        #expect(command.name == "ack" && command.arguments == ["12"])
        #expect(command.authorRole == .facilitator)
        let checkin = try translate(Payloads.buttonPress(id: "900000000000000061", customID: "pb:checkin:4", inDM: true))
        guard case .command(let answer) = checkin.event else { return #expect(Bool(false)) }
        #expect(answer.name == "checkin" && answer.arguments == ["4"])
        #expect(answer.channel.isDirect)
    }

    @Test mutating func unknownButtonsAreAcknowledgedOnly() throws {
        let translation = try translate(Payloads.buttonPress(customID: "someone-elses-button"))
        #expect(translation.event == .unknown(platform: .discord, kind: "INTERACTION_CREATE component"))
        #expect(translation.interaction?.acknowledgeOnly == true)
    }

    @Test mutating func reactionsBecomeReactionsButNotTheBotsOwn() throws {
        let translation = try translate(Payloads.reactionAdd())
        guard case .reaction(let reaction) = translation.event else { return #expect(Bool(false)) }
        #expect(reaction.emoji == "✅")
        #expect(reaction.messageID == "900000000000000070")
        #expect(reaction.memberRole == .facilitator)
        #expect(try translate(Payloads.reactionAdd(user: Payloads.bot)).event == nil)
    }

    @Test mutating func memberJoinsBecomeJoinsWithTheWelcomeChannel() throws {
        let translation = try translate(Payloads.memberAdd())
        guard case .memberJoined(let join) = translation.event else { return #expect(Bool(false)) }
        #expect(join.member.id == Payloads.alice)
        #expect(join.channel?.id == Payloads.channel)
    }

    @Test mutating func otherDispatchesAreUnknownAndBrokenOnesNeverCrash() throws {
        #expect(try translate(Payloads.frame("TYPING_START", sequence: 9, "{}")).event == .unknown(platform: .discord, kind: "TYPING_START"))
        #expect(try translate(Payloads.frame("MESSAGE_CREATE", sequence: 9, #"{"id":5}"#)).event == .unknown(platform: .discord, kind: "MESSAGE_CREATE (unreadable)"))
        #expect(try translate(Payloads.frame("RESUMED", sequence: 9, "{}")).event == nil)
        let system = try translate(Payloads.frame("MESSAGE_CREATE", sequence: 9, #"{"id":"1","channel_id":"2","type":7,"content":"","author":\#(Payloads.user("3", "x"))}"#))
        #expect(system.event == .unknown(platform: .discord, kind: "MESSAGE_CREATE type 7"))
    }
}
