import Foundation

/// Gateway payloads for tests, written after the structures in Discord's
/// gateway-events documentation (not copied from it). Ids are snowflakes.
enum Payloads {
    static let guild = "800000000000000001"
    static let channel = "800000000000000010"
    static let facilitatorChannel = "800000000000000011"
    static let facilitatorRole = "800000000000000100"
    static let adminRole = "800000000000000200"
    static let bot = "800000000000000999"
    static let application = "800000000000000998"
    static let alice = "800000000000001001"
    static let sam = "800000000000001002"

    static func frame(_ name: String, sequence: Int, _ d: String) -> String {
        #"{"op":0,"s":\#(sequence),"t":"\#(name)","d":\#(d)}"#
    }

    static func user(_ id: String, _ name: String, bot: Bool = false) -> String {
        #"{"id":"\#(id)","username":"\#(name)","global_name":null,"discriminator":"0","avatar":null\#(bot ? #","bot":true"# : "")}"#
    }

    static func ready(sessionID: String = "session-1", resumeURL: String = "wss://resume.example") -> String {
        frame(
            "READY", sequence: 1,
            #"{"v":10,"user":\#(user(bot, "peerbot", bot: true)),"guilds":[{"id":"\#(guild)","unavailable":true}],"session_id":"\#(sessionID)","resume_gateway_url":"\#(resumeURL)","shard":[0,1],"application":{"id":"\#(application)","flags":0}}"#)
    }

    static func messageCreate(id: String = "900000000000000001", author: String = alice, name: String = "alice", roles: [String] = [], content: String, guild: String? = Payloads.guild, channel: String = Payloads.channel, sequence: Int = 2) -> String {
        let member = guild == nil ? "" : #","member":{"roles":[\#(roles.map { "\"\($0)\"" }.joined(separator: ","))],"nick":null,"joined_at":"2026-01-01T00:00:00.000000+00:00","deaf":false,"mute":false,"flags":0}"#
        let guildField = guild.map { #","guild_id":"\#($0)""# } ?? ""
        return frame(
            "MESSAGE_CREATE", sequence: sequence,
            #"{"id":"\#(id)","channel_id":"\#(channel)","author":\#(user(author, name)),"content":"\#(content)","timestamp":"2026-03-28T19:00:00.000000+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0\#(guildField)\#(member)}"#)
    }

    static func slashCommand(id: String = "900000000000000050", name: String, options: String = "[]", user: String = alice, roles: [String] = [], token: String = "interaction-token-1", sequence: Int = 3) -> String {
        frame(
            "INTERACTION_CREATE", sequence: sequence,
            #"{"id":"\#(id)","application_id":"\#(application)","type":2,"data":{"id":"900000000000000500","name":"\#(name)","type":1,"options":\#(options)},"guild_id":"\#(guild)","channel_id":"\#(channel)","channel":{"id":"\#(channel)","type":0},"member":{"user":\#(Payloads.user(user, "alice")),"roles":[\#(roles.map { "\"\($0)\"" }.joined(separator: ","))],"nick":"Al","joined_at":"2026-01-01T00:00:00.000000+00:00","deaf":false,"mute":false,"flags":0,"permissions":"0"},"token":"\#(token)","version":1,"app_permissions":"0","locale":"en-US","entitlements":[],"authorizing_integration_owners":{"0":"\#(guild)"},"context":0,"attachment_size_limit":8388608}"#)
    }

    static func buttonPress(id: String = "900000000000000060", customID: String, user: String = sam, roles: [String] = [facilitatorRole], token: String = "interaction-token-2", inDM: Bool = false, channel: String = Payloads.channel, sequence: Int = 4) -> String {
        let who = inDM
            ? #""user":\#(Payloads.user(user, "sam"))"#
            : #""guild_id":"\#(guild)","member":{"user":\#(Payloads.user(user, "sam")),"roles":[\#(roles.map { "\"\($0)\"" }.joined(separator: ","))],"joined_at":"2026-01-01T00:00:00.000000+00:00","deaf":false,"mute":false,"flags":0,"permissions":"0"}"#
        return frame(
            "INTERACTION_CREATE", sequence: sequence,
            #"{"id":"\#(id)","application_id":"\#(application)","type":3,"data":{"custom_id":"\#(customID)","component_type":2},\#(who),"channel_id":"\#(channel)","token":"\#(token)","version":1,"message":{"id":"900000000000000070","channel_id":"\#(channel)"},"app_permissions":"0","entitlements":[],"authorizing_integration_owners":{}}"#)
    }

    static func reactionAdd(user: String = sam, roles: [String] = [facilitatorRole], emoji: String = "✅", messageID: String = "900000000000000070", channel: String = Payloads.channel, sequence: Int = 5) -> String {
        frame(
            "MESSAGE_REACTION_ADD", sequence: sequence,
            #"{"user_id":"\#(user)","channel_id":"\#(channel)","message_id":"\#(messageID)","guild_id":"\#(guild)","member":{"user":\#(Payloads.user(user, "sam")),"roles":[\#(roles.map { "\"\($0)\"" }.joined(separator: ","))],"joined_at":"2026-01-01T00:00:00.000000+00:00","deaf":false,"mute":false,"flags":0},"emoji":{"id":null,"name":"\#(emoji)"},"burst":false,"type":0}"#)
    }

    static func memberAdd(user: String = alice, sequence: Int = 6) -> String {
        frame(
            "GUILD_MEMBER_ADD", sequence: sequence,
            #"{"guild_id":"\#(guild)","user":\#(Payloads.user(user, "alice")),"roles":[],"joined_at":"2026-03-28T19:00:00.000000+00:00","deaf":false,"mute":false,"flags":0}"#)
    }

    static func guildCreate(sequence: Int = 2) -> String {
        frame(
            "GUILD_CREATE", sequence: sequence,
            #"{"id":"\#(guild)","name":"Peer space","channels":[{"id":"\#(channel)","type":0,"name":"general","guild_id":"\#(guild)"}],"threads":[],"members":[],"member_count":3}"#)
    }
}
