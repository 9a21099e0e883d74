import Foundation
import PeerBot

/// Turns gateway dispatches into the core's events
/// (gateway-events.mdx "Receive Events"):
/// MESSAGE_CREATE → `.message`, INTERACTION_CREATE → `.command` (a slash
/// command, or a button standing for one), MESSAGE_REACTION_ADD →
/// `.reaction`, GUILD_MEMBER_ADD → `.memberJoined`; READY, RESUMED,
/// GUILD_CREATE, channel updates and member updates and removals only update
/// what the translator knows;
/// anything else is `.unknown`. Attaches the author's role from configured
/// role and user ids.
public struct DiscordEventTranslator: Sendable {
    public let configuration: DiscordConfiguration
    public let slashCommands: SlashCommands
    /// The bot's own user id, from READY: its own messages and reactions are marked or ignored.
    public private(set) var botUserID: String?
    /// The application id, from READY (or the configuration).
    public private(set) var applicationID: String?
    /// Channel names from GUILD_CREATE and channel events, so tickets can say "#general".
    public private(set) var channelNames: [String: String] = [:]
    /// The role last seen for a user in a guild, for direct messages (which carry no roles).
    private var knownRoles: [String: Role] = [:]

    public init(configuration: DiscordConfiguration, slashCommands: SlashCommands) {
        self.configuration = configuration
        self.slashCommands = slashCommands
        applicationID = configuration.applicationID
    }

    /// Translates one dispatch. Never throws: a payload that cannot be read becomes `.unknown`.
    public mutating func translate(_ frame: GatewayFrame) -> DiscordTranslation {
        let name = frame.name ?? ""
        do {
            switch name {
            case "MESSAGE_CREATE":
                return message(try frame.data(as: DiscordMessage.self))
            case "INTERACTION_CREATE":
                return interaction(try frame.data(as: DiscordInteraction.self))
            case "MESSAGE_REACTION_ADD":
                return reaction(try frame.data(as: DiscordReactionAdd.self))
            case "GUILD_MEMBER_ADD":
                return memberJoined(try frame.data(as: DiscordGuildMember.self))
            case "READY":
                let ready = try frame.data(as: ReadyPayload.self)
                botUserID = ready.user.id
                if let id = ready.application?.id { applicationID = id }
                return .none
            case "GUILD_CREATE":
                let guild = try frame.data(as: DiscordGuildCreate.self)
                for channel in guild.channels + guild.threads { remember(channel) }
                return .none
            case "CHANNEL_CREATE", "CHANNEL_UPDATE", "THREAD_CREATE", "THREAD_UPDATE":
                remember(try frame.data(as: DiscordChannel.self))
                return .none
            case "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE":
                // A role taken away (or a member removed) counts at once, in direct
                // messages too, which carry no roles: a former facilitator is a member.
                // The removal's payload has no roles, so it reads as none.
                let member = try frame.data(as: DiscordGuildMember.self)
                if let user = member.user, member.guildID != nil {
                    knownRoles[user.id] = configuration.role(userID: user.id, memberRoleIDs: member.roles)
                }
                return .none
            case "RESUMED":
                return .none
            default:
                return DiscordTranslation(event: .unknown(platform: .discord, kind: name.isEmpty ? "dispatch" : name))
            }
        } catch {
            return DiscordTranslation(event: .unknown(platform: .discord, kind: "\(name) (unreadable)"))
        }
    }

    // MARK: - Events

    mutating func message(_ message: DiscordMessage) -> DiscordTranslation {
        // message.mdx "Message Types": 0 DEFAULT and 19 REPLY are what members write; the rest are system notices.
        guard message.type == 0 || message.type == 19, let author = message.author else {
            return DiscordTranslation(event: .unknown(platform: .discord, kind: "MESSAGE_CREATE type \(message.type)"))
        }
        let role = role(of: author.id, memberRoles: message.member?.roles, inGuild: message.guildID != nil)
        let inbound = InboundMessage(
            id: message.id, author: member(author, nick: message.member?.nick), authorRole: role,
            channel: channel(message.channelID, guild: message.guildID), text: message.content,
            mentions: message.mentions.map { member($0, nick: nil) },
            authorIsBot: author.bot == true || message.webhookID != nil || author.id == botUserID)
        return DiscordTranslation(event: .message(inbound), dedupeKey: "message:\(message.id)")
    }

    mutating func interaction(_ interaction: DiscordInteraction) -> DiscordTranslation {
        guard let user = interaction.invoker, let channelID = interaction.channelID else {
            return DiscordTranslation(event: .unknown(platform: .discord, kind: "INTERACTION_CREATE without user"))
        }
        var handle = InteractionHandle(
            id: interaction.id, token: interaction.token, applicationID: interaction.applicationID, channelID: channelID)
        let author = member(user, nick: interaction.member?.nick)
        let role = role(of: user.id, memberRoles: interaction.member?.roles, inGuild: interaction.guildID != nil)
        let channel = channel(channelID, guild: interaction.guildID)
        let name: String
        let arguments: [String]
        switch interaction.kind {
        case .applicationCommand:
            name = interaction.data?.name ?? ""
            arguments = slashCommands.arguments(command: name, options: interaction.data?.options ?? [])
        case .messageComponent:
            guard let button = interaction.data?.customID.flatMap(ButtonCommand.init(customID:)) else {
                handle.acknowledgeOnly = true
                return DiscordTranslation(
                    event: .unknown(platform: .discord, kind: "INTERACTION_CREATE component"), interaction: handle,
                    dedupeKey: "interaction:\(interaction.id)")
            }
            name = button.name
            arguments = [button.argument]
        default:
            return DiscordTranslation(event: .unknown(platform: .discord, kind: "INTERACTION_CREATE type \(interaction.type)"))
        }
        let command = InboundCommand(
            id: interaction.id, author: author, authorRole: role, channel: channel, name: name, arguments: arguments)
        return DiscordTranslation(event: .command(command), interaction: handle, dedupeKey: "interaction:\(interaction.id)")
    }

    mutating func reaction(_ reaction: DiscordReactionAdd) -> DiscordTranslation {
        if reaction.userID == botUserID || reaction.member?.user?.bot == true { return .none }
        let user = reaction.member?.user ?? DiscordUser(id: reaction.userID, username: reaction.userID)
        let emoji = reaction.emoji.id.map { "\(reaction.emoji.name ?? "emoji"):\($0)" } ?? reaction.emoji.name ?? ""
        let inbound = InboundReaction(
            member: member(user, nick: reaction.member?.nick),
            memberRole: role(of: reaction.userID, memberRoles: reaction.member?.roles, inGuild: reaction.guildID != nil),
            channel: channel(reaction.channelID, guild: reaction.guildID), messageID: reaction.messageID, emoji: emoji)
        return DiscordTranslation(event: .reaction(inbound))
    }

    mutating func memberJoined(_ joined: DiscordGuildMember) -> DiscordTranslation {
        guard let user = joined.user, user.bot != true else { return .none }
        let welcome = configuration.welcomeChannelID.map { channel($0, guild: joined.guildID) }
        return DiscordTranslation(event: .memberJoined(MemberJoin(member: member(user, nick: joined.nick), channel: welcome)))
    }

    // MARK: - Addresses and roles

    func member(_ user: DiscordUser, nick: String?) -> MemberRef {
        MemberRef(platform: .discord, id: user.id, handle: "@" + (nick ?? user.globalName ?? user.username))
    }

    func channel(_ id: String, guild: String?) -> ChannelRef {
        ChannelRef(platform: .discord, space: guild, id: id, name: channelNames[id], isDirect: guild == nil)
    }

    /// The role from the member's guild roles when the event has them;
    /// in direct messages, the role last seen in a guild (or the user lists).
    mutating func role(of userID: String, memberRoles: [String]?, inGuild: Bool) -> Role {
        if let memberRoles, inGuild {
            let role = configuration.role(userID: userID, memberRoleIDs: memberRoles)
            knownRoles[userID] = role
            return role
        }
        return max(configuration.role(userID: userID, memberRoleIDs: nil), knownRoles[userID] ?? .member)
    }

    private mutating func remember(_ channel: DiscordChannel) {
        guard let name = channel.name, !name.isEmpty else { return }
        if channelNames.count > 50_000 { channelNames.removeAll() }
        channelNames[channel.id] = name
    }
}
