import PeerBot

/// A deterministic stream of inbound events shaped like a busy peer-support
/// space: mostly chatter in a few channels (some mentioning another member,
/// some on a content-warning topic, now and then crisis language, a few
/// private messages to the bot) and about one message in twenty a command.
struct TrafficMix {
    private var random: SeededGenerator
    private var chat: ChatTextGenerator
    private var index = 0
    let members: Int

    static let channels = [
        BenchBot.general, BenchBot.general, BenchBot.general,
        ChannelRef(platform: .console, space: "console", id: "random", name: "random"),
        ChannelRef(platform: .console, space: "console", id: "wins", name: "wins"),
    ]

    /// Commands members type, with `{name}` replaced by another member.
    static let commands = [
        "!help", "!resources", "!resources GB", "!norms", "!checkin 3 long day but okay", "!checkin 4",
        "!region GB", "!boundary set please ask before giving advice", "!boundary {name}", "!boundary",
        "!timezone Europe/London", "!checkin history", "!crisisscan", "!resources crisis US", "!quiet 23:00-07:00",
    ]

    init(members: Int = 500, seed: UInt64 = 1) {
        self.members = members
        random = SeededGenerator(seed: seed)
        chat = ChatTextGenerator(style: .typographic, seed: seed &+ 1)
    }

    private mutating func memberName() -> String { "member\(Int.random(in: 0..<members, using: &random))" }

    /// The next event of the mix.
    mutating func next() -> InboundEvent {
        index += 1
        let author = memberName()
        let roll = Int.random(in: 0..<1_000, using: &random)
        switch roll {
        case 0..<50:
            return command(from: author)
        case 50..<80:
            let other = memberName()
            return BenchBot.message(
                "@\(other) " + chat.line(), from: author, id: index, in: channel(), mentions: [BenchBot.member(other)])
        case 80..<100:
            let dm = ChannelRef(platform: .console, space: "console", id: "dm:\(author)", isDirect: true)
            return BenchBot.message(chat.line(), from: author, id: index, in: dm)
        case 100..<105:
            return BenchBot.message("honestly the self harm urges are back " + chat.line(), from: author, id: index, in: channel())
        case 105:
            return BenchBot.message("I can't do this anymore, I want to end it all", from: author, id: index, in: channel())
        default:
            return BenchBot.message(chat.line(), from: author, id: index, in: channel())
        }
    }

    /// A command from `author` (only commands: for CPU per command).
    mutating func command(from author: String? = nil) -> InboundEvent {
        index += 1
        let name = author ?? memberName()
        let text = (Self.commands.randomElement(using: &random) ?? "!help").replacingOccurrences(of: "{name}", with: memberName())
        return BenchBot.message(text, from: name, id: index, in: channel())
    }

    private mutating func channel() -> ChannelRef {
        Self.channels.randomElement(using: &random) ?? BenchBot.general
    }
}
