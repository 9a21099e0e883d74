import Foundation

extension Bot {
    /// Finds the command, checks the role, runs it; answers every failure in one line.
    func route(_ request: CommandInvocationRequest) {
        let prefix = configuration.bot.commandPrefix
        let name = request.command.name
        guard let spec = commandTable.spec(named: name) else {
            var answer = "I don't know the command \(prefix)\(name)."
            if let suggestion = commandTable.suggestion(for: name) { answer += " Did you mean \(prefix)\(suggestion)?" }
            answer += " Type \(prefix)help for the list."
            tellPrivately(request.author, origin: request.origin, answer)
            return
        }
        guard request.role >= spec.minimumRole else {
            logger.notice(
                "command refused", metadata: ["command": "\(spec.name)", "platform": "\(request.channel.platform)"])
            tellPrivately(
                request.author, origin: request.origin,
                "Sorry, \(prefix)\(spec.name) is only for \(spec.minimumRole == .admin ? "admins" : "facilitators"). Nothing was changed.")
            return
        }
        if let refusal = sizeRefusal(request, spec: spec) {
            tellPrivately(request.author, origin: request.origin, refusal)
            return
        }
        let invocation = CommandInvocation(
            command: request.command, spec: spec, author: request.author, authorRole: request.role,
            channel: request.channel, origin: request.origin, prefix: prefix, overRateLimit: request.overRateLimit)
        let now = clock.now
        let tally = MetricsTally()
        do {
            try store.write { transaction in
                try spec.run(invocation, BotContext(store: transaction, now: now, configuration: configuration, tally: tally))
            }
            report(tally)
            logger.debug("command handled", metadata: ["command": "\(spec.name)", "platform": "\(request.channel.platform)"])
        } catch let failure as CommandFailure {
            switch failure {
            case .usage(let hint):
                let usage = "Usage: \(spec.usage(prefix: prefix))"
                tellPrivately(request.author, origin: request.origin, hint.map { "\(usage) — \($0)" } ?? usage)
            case .message(let text):
                tellPrivately(request.author, origin: request.origin, text)
            }
        } catch {
            logger.error(
                "command failed",
                metadata: ["command": "\(spec.name)", "platform": "\(request.channel.platform)", "error": "\(error)"])
            tellPrivately(
                request.author, origin: request.origin,
                "Sorry, something went wrong on my side and \(prefix)\(spec.name) did not complete. Please try again.")
        }
    }
}
