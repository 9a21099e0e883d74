import Foundation

extension Bot {
    /// Routes a message: commands to their feature, then every feature may observe it.
    func handleMessage(_ original: InboundMessage) {
        guard !original.authorIsBot else { return }
        var message = original
        message.text = TextSanitizer.clean(original.text)
        let limit = configuration.bot.maxMessageLength
        // Counting characters walks the whole text; the UTF-8 length (never smaller) is known at once.
        if message.text.utf8.count > limit, message.text.count > limit {
            // Only a command deserves an answer; other long messages are simply not processed.
            if parser.parse(String(message.text.prefix(64))) != nil {
                tellPrivately(
                    message.author, origin: message.origin,
                    "That command is too long for me to read (over \(limit.formatted()) characters). Please shorten it.")
            }
            logger.info("message over the length limit skipped", metadata: ["platform": "\(message.channel.platform)"])
            return
        }
        let command = parser.parse(message.text)
        if let command {
            let invocation = CommandInvocationRequest(
                command: command, author: message.author, role: message.authorRole, channel: message.channel,
                origin: message.origin)
            route(invocation)
        }
        inTransaction("message", platform: message.channel.platform) { context in
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
            name: native.name.lowercased(), arguments: Array(native.arguments.prefix(configuration.bot.maxArguments)),
            argumentText: native.arguments.joined(separator: " "))
        route(
            CommandInvocationRequest(
                command: command, author: native.author, role: native.authorRole, channel: native.channel,
                origin: MessageOrigin(channel: native.channel, messageID: native.id)))
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
}
