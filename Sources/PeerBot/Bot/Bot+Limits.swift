import Foundation

extension Bot {
    /// Applies the per-member command rate limit (`[limits]`). False when the
    /// command is dropped; the member hears about it once per window.
    ///
    /// Facilitators and admins are exempt: their roles come from the platform,
    /// and an `!ack` must never wait. A command that escalates always passes.
    func admit(_ request: inout CommandInvocationRequest) -> Bool {
        guard request.role < .facilitator else { return true }
        let verdict = commandLimiter.take(request.author.key, at: clock.now)
        if verdict == .allowed { return true }
        if commandTable.spec(named: request.command.name)?.escalates == true {
            request.overRateLimit = true
            return true
        }
        if verdict == .refusedWithNotice {
            logger.notice("member over the command rate limit", metadata: ["platform": "\(request.channel.platform)"])
            tellPrivately(request.author, origin: request.origin, slowDownNotice)
        }
        return false
    }

    /// The one answer a member over the rate limit gets in a window.
    var slowDownNotice: String {
        let prefix = configuration.bot.commandPrefix
        let seconds = Int(commandLimiter.window.rounded(.up))
        let wait = seconds < 120 ? "\(seconds) seconds" : "\((seconds + 59) / 60) minutes"
        return "You're sending commands faster than I can answer, so I'll skip the next ones for about \(wait). \(prefix)facilitator always gets through."
    }

    /// The one-line answer when a command breaks a limit on its size; nil when it fits.
    func sizeRefusal(_ request: CommandInvocationRequest, spec: CommandSpec) -> String? {
        let limits = configuration.limits
        let prefix = configuration.bot.commandPrefix
        if request.overLength, !spec.escalates {
            return "That command is too long for me to read (over \(limits.maxMessageLength.formatted()) characters). Please shorten it."
        }
        guard !spec.takesFreeText else { return nil }
        if request.command.arguments.count > limits.maxArguments {
            return "That's too many words after \(prefix)\(spec.name) (I read up to \(limits.maxArguments)). Usage: \(spec.usage(prefix: prefix))"
        }
        if request.command.arguments.contains(where: { $0.count > limits.maxArgumentLength }) {
            return "A word in that \(prefix)\(spec.name) is over \(limits.maxArgumentLength) characters, more than I read. Usage: \(spec.usage(prefix: prefix))"
        }
        return nil
    }
}
