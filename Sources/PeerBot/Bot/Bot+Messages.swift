import Foundation

extension Bot {
    /// Routes a message: commands to their feature, then every feature may observe it.
    func handleMessage(_ original: InboundMessage) {
        guard !original.authorIsBot else { return }
        var message = original
        message.text = TextSanitizer.clean(original.text)
        let limit = configuration.limits.maxMessageLength
        let overLength = MessageLength.exceeds(message.text, limit: limit)
        if overLength {
            // Features read a bounded text: both ends of it, so the crisis scan still sees them.
            message.text = MessageLength.bounded(message.text, limit: limit)
            logger.info("message over the length limit shortened", metadata: ["platform": "\(message.channel.platform)"])
        }
        let command = parser.parse(message.text)
        let notes = MessageNotes()
        if let command {
            var request = CommandInvocationRequest(
                command: command, author: message.author, role: message.authorRole, channel: message.channel,
                origin: message.origin, overLength: overLength)
            // A dropped command is not observed either: no feature reads commands in
            // `observe`, and skipping it keeps a flood free of write transactions.
            guard admit(&request) else { return }
            route(request)
        } else if message.channel.isDirect, message.authorRole < .facilitator {
            notes.overRateLimit = !directMessageLimiter.takeIfAvailable(message.author.key, at: clock.now)
        }
        // Deferred: most messages are chatter no feature writes anything for.
        inTransaction("message", platform: message.channel.platform, notes: notes, deferred: true) { context in
            for feature in features {
                if try feature.observe(message, command: command, context: context) == .handled, command == nil {
                    break
                }
            }
        }
    }

    /// A platform-native command (Discord slash command) takes the same route as a typed one.
    func handleNativeCommand(_ native: InboundCommand) {
        let command = ParsedCommand(
            name: native.name.lowercased(), arguments: Array(native.arguments.prefix(configuration.limits.maxArguments + 1)),
            argumentText: native.arguments.joined(separator: " "))
        var request = CommandInvocationRequest(
            command: command, author: native.author, role: native.authorRole, channel: native.channel,
            origin: MessageOrigin(channel: native.channel, messageID: native.id),
            overLength: MessageLength.exceeds(command.argumentText, limit: configuration.limits.maxMessageLength))
        guard admit(&request) else { return }
        route(request)
    }

    /// Tells a member something privately in its own transaction (used for refusals and errors).
    func tellPrivately(_ member: MemberRef, origin: MessageOrigin?, _ text: String) {
        inTransaction("reply", platform: member.platform) { context in
            try context.emit(.replyPrivately(member: member, text: text, origin: origin))
        }
    }
}

/// A command about to be routed: parsed, not yet matched to a spec.
struct CommandInvocationRequest {
    var command: ParsedCommand
    var author: MemberRef
    var role: Role
    var channel: ChannelRef
    var origin: MessageOrigin
    /// The message was over the length limit (its text was shortened).
    var overLength = false
    /// The author is over the command rate limit; only an escalating command gets this far.
    var overRateLimit = false
}
