import Foundation

extension CheckinsFeature {
    /// `!timezone`, `!timezone Europe/Berlin`, `!timezone clear`.
    func timeZoneCommand(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let prefix = context.prefix
        let key = invocation.author.key
        guard let argument = invocation.arguments.first else {
            let saved = try context.store.setting(.timeZone, of: key)
            try context.replyPrivately(
                saved.map { "Your time zone is \($0). Change it with \(prefix)timezone ZONE, or \(prefix)timezone clear." }
                    ?? "You have no time zone saved; I use \(settings.defaultTimeZone). Save yours with \(prefix)timezone ZONE, e.g. \(prefix)timezone Europe/Berlin.",
                to: invocation)
            return
        }
        guard invocation.arguments.count == 1 else {
            throw CommandFailure.usage(hint: "one zone name, e.g. \(prefix)timezone America/New_York")
        }
        var zoneName: String? = nil
        if !["clear", "off", "none"].contains(argument.lowercased()) {
            zoneName = try Self.resolveZone(argument, prefix: prefix)
        }
        try context.store.setSetting(.timeZone, of: key, to: zoneName)
        let zone = try timeZone(of: key, context: context)
        let next = try reschedule(key, after: context.now, context: context)
        var text =
            zoneName.map { "Saved: your time zone is \($0) (it's \(LocalTime.format(context.now, in: zone)) there now)." }
            ?? "Done: I no longer keep a time zone for you and use \(settings.defaultTimeZone)."
        if let next { text += " Your next check-in: \(LocalTime.format(next, in: zone))." }
        try context.replyPrivately(text, to: invocation)
    }

    /// `!quiet`, `!quiet 22:00-07:00`, `!quiet off`.
    func quietCommand(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let prefix = context.prefix
        let key = invocation.author.key
        guard let argument = invocation.arguments.first else {
            let saved = try quietHours(of: key, context: context)
            try context.replyPrivately(
                saved.map { "Your quiet hours are \($0): no check-in questions then. \(prefix)quiet off removes them." }
                    ?? "You have no quiet hours. \(prefix)quiet 22:00-07:00 means no check-in questions between 22:00 and 07:00 your time.",
                to: invocation)
            return
        }
        let zone = try timeZone(of: key, context: context)
        if invocation.arguments.count == 1, ["off", "clear", "none"].contains(argument.lowercased()) {
            try context.store.setSetting(.quietHours, of: key, to: nil)
            let next = try reschedule(key, after: context.now, context: context)
            try context.replyPrivately(
                "Done: no quiet hours.\(next.map { " Your next check-in: \(LocalTime.format($0, in: zone))." } ?? "")", to: invocation)
            return
        }
        let typed = invocation.arguments.joined()
        guard let quiet = QuietHours(parsing: typed) else {
            throw CommandFailure.message(
                "I couldn't read \"\(typed.prefix(24))\" as quiet hours. Write a start and a different end, HH:MM-HH:MM in your time, like \(prefix)quiet 22:00-07:00.")
        }
        try context.store.setSetting(.quietHours, of: key, to: quiet.description)
        let next = try reschedule(key, after: context.now, context: context)
        try context.replyPrivately(
            "Saved: no check-in questions between \(quiet.start) and \(quiet.end) (\(try zoneName(of: key, context: context))); one that falls then waits until \(quiet.end).\(next.map { " Your next check-in: \(LocalTime.format($0, in: zone))." } ?? "")",
            to: invocation)
    }
}
