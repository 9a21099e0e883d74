/// Gateway `MESSAGE_CREATE` payloads as Discord sends them to a bot in a
/// busy server: the shape of `Tests/DiscordTests/Support/Payloads.swift`
/// (written after gateway-events.mdx "Message Create" and message.mdx
/// "Message Object"), filled out with the fields a real gateway adds that
/// the adapter does not read (flags, components, nonce, avatar decorations,
/// member avatars …), so the decoder skips what it would skip in production.
/// Text is `ChatTextGenerator` chat (typographic punctuation and emoji, as
/// phones type), JSON-escaped; about one message in ten mentions someone, one
/// in twenty replies to another (with the whole referenced message inside),
/// one in twenty is a direct message (no guild, no member). Deterministic.
struct DiscordPayloadGenerator {
    static let guild = "800000000000000001"
    static let channels = ["800000000000000010", "800000000000000012", "800000000000000013"]
    static let bot = "800000000000000999"
    static let application = "800000000000000998"
    static let facilitatorRole = "800000000000000100"

    private var random: SeededGenerator
    private var chat: ChatTextGenerator
    private var sequence = 1
    private var messageID: UInt64 = 1_200_000_000_000_000_000
    let members: Int

    init(members: Int = 500, seed: UInt64 = 7) {
        self.members = members
        random = SeededGenerator(seed: seed)
        chat = ChatTextGenerator(style: .emoji, seed: seed &+ 1)
    }

    /// READY, as the session and translator need it first (it names the bot's own user).
    static func ready() -> String {
        frame(
            "READY", sequence: 1,
            #"{"v":10,"user":\#(user(bot, "peerbot", bot: true)),"guilds":[{"id":"\#(guild)","unavailable":true}],"session_id":"bench-session","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg","shard":[0,1],"application":{"id":"\#(application)","flags":8953856},"user_settings":{},"private_channels":[],"presences":[],"relationships":[],"guild_join_requests":[],"geo_ordered_rtc_regions":["us-east","us-central"],"auth":{}}"#
        )
    }

    /// The next `MESSAGE_CREATE` frame.
    mutating func next() -> String {
        sequence += 1
        messageID += UInt64(Int.random(in: 1...4_000_000, using: &random))
        let author = memberID(Int.random(in: 0..<members, using: &random))
        let roll = Int.random(in: 0..<100, using: &random)
        let direct = roll < 5
        var content = chat.line()
        var mentions = "[]"
        if roll >= 5, roll < 15 {
            let other = memberID(Int.random(in: 0..<members, using: &random))
            content = "<@\(other)> " + content
            mentions = "[\(Self.user(other, "member\(other.suffix(3))", member: Self.partialMember(roles: [])))]"
        }
        var reference = ""
        if roll >= 15, roll < 20 {
            let earlier = String(messageID - 5_000_000)
            let quoted = Self.message(
                id: earlier, channel: Self.channels[0], author: memberID(0), content: chat.line(), mentions: "[]",
                guild: nil, member: nil, extra: "")
            reference =
                #","message_reference":{"type":0,"channel_id":"\#(Self.channels[0])","message_id":"\#(earlier)","guild_id":"\#(Self.guild)"},"referenced_message":\#(quoted)"#
        }
        let channel = direct ? "1100000000000000\(author.suffix(3))" : Self.channels[Int.random(in: 0..<Self.channels.count, using: &random)]
        let roles = Int.random(in: 0..<10, using: &random) == 0 ? [Self.facilitatorRole] : []
        let member = direct ? nil : Self.partialMember(roles: roles)
        let body = Self.message(
            id: String(messageID), channel: channel, author: author, content: content, mentions: mentions,
            guild: direct ? nil : Self.guild, member: member, extra: reference + #","nonce":"\#(messageID &+ 17)","channel_type":\#(direct ? 1 : 0)"#)
        return Self.frame("MESSAGE_CREATE", sequence: sequence, body)
    }

    private func memberID(_ index: Int) -> String {
        "80000000000000\(String(index + 10_000).suffix(4))"
    }

    static func frame(_ name: String, sequence: Int, _ d: String) -> String {
        #"{"t":"\#(name)","s":\#(sequence),"op":0,"d":\#(d)}"#
    }

    static func user(_ id: String, _ name: String, bot: Bool = false, member: String? = nil) -> String {
        let memberField = member.map { #","member":\#($0)"# } ?? ""
        return #"{"username":"\#(name)","public_flags":0,"primary_guild":null,"id":"\#(id)","global_name":"\#(name.capitalized)","display_name_styles":null,"discriminator":"0","collectibles":null,"clan":null,"avatar_decoration_data":null,"avatar":"a1b2c3d4e5f60718293a4b5c6d7e8f90"\#(bot ? #","bot":true"# : "")\#(memberField)}"#
    }

    static func partialMember(roles: [String]) -> String {
        #"{"roles":[\#(roles.map { "\"\($0)\"" }.joined(separator: ","))],"premium_since":null,"pending":false,"nick":null,"mute":false,"joined_at":"2025-06-14T18:22:03.514000+00:00","flags":0,"deaf":false,"communication_disabled_until":null,"banner":null,"avatar":null}"#
    }

    static func message(
        id: String, channel: String, author: String, content: String, mentions: String, guild: String?, member: String?,
        extra: String
    ) -> String {
        let guildField = guild.map { #","guild_id":"\#($0)""# } ?? ""
        let memberField = member.map { #","member":\#($0)"# } ?? ""
        return #"{"type":0,"tts":false,"timestamp":"2026-03-28T19:00:00.000000+00:00","pinned":false,"mentions":\#(mentions),"mention_roles":[],"mention_everyone":false,"id":"\#(id)","flags":0,"embeds":[],"edited_timestamp":null,"content":"\#(escaped(content))","components":[],"channel_id":"\#(channel)","author":\#(user(author, "member\(author.suffix(3))")),"attachments":[]\#(guildField)\#(memberField)\#(extra)}"#
    }

    /// `text` as the inside of a JSON string (UTF-8 kept as is, as Discord sends it).
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
