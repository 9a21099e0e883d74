import Foundation

/// Personal boundaries: a member shares one short line ("listening only,
/// please no advice") that others can read with `!boundary NAME`, and can
/// choose to have it shown privately to whoever mentions or replies to them.
public struct BoundariesFeature: Feature {
    public let settings: BoundarySettings
    /// `!boundaries` with no argument shows the space's agreements.
    public let agreements: AgreementSettings

    public init(settings: BoundarySettings, agreements: AgreementSettings) {
        self.settings = settings
        self.agreements = agreements
    }

    public var commands: [CommandSpec] {
        [
            CommandSpec(
                name: "boundary", aliases: ["boundaries"], arguments: "set TEXT | clear | NAME | remind on|off",
                summary: "share a personal boundary, or read someone's"
            ) { invocation, context in
                try boundary(invocation, context)
            }
        ]
    }

    func boundary(_ invocation: CommandInvocation, _ context: BotContext) throws {
        guard let first = invocation.arguments.first else {
            if invocation.command.name == "boundaries" {
                try context.reply(AgreementsFeature.text(of: agreements), to: invocation)
            } else {
                try showOwn(invocation, context)
            }
            return
        }
        switch first.lowercased() {
        case "set": try set(invocation, context)
        case "clear", "remove", "delete": try clear(invocation, context)
        case "remind": try remind(invocation, context)
        default:
            guard invocation.arguments.count == 1 else {
                throw CommandFailure.usage(hint: "to share yours, start with set: \(context.prefix)boundary set TEXT")
            }
            try show(named: first, invocation, context)
        }
    }

    /// `!boundary set TEXT`
    func set(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let prefix = context.prefix
        var text = Self.text(after: "set", in: invocation.command.argumentText)
        if text.count >= 2, text.first == "\"" || text.first == "“", text.last == "\"" || text.last == "”" {
            text = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard !text.isEmpty else {
            throw CommandFailure.message(
                "What should your boundary say? For example \(prefix)boundary set listening only, please no advice.")
        }
        guard text.count <= settings.maxLength else {
            throw CommandFailure.message(
                "A boundary can be up to \(settings.maxLength) characters; yours has \(text.count.formatted()). Please shorten it.")
        }
        let author = invocation.author
        let existing = try context.store.boundary(of: author.key)
        try context.store.saveBoundary(
            Boundary(
                memberKey: author.key, platform: author.platform, handle: author.handle, text: text,
                remind: existing?.remind ?? false),
            at: context.now)
        let reminders =
            existing?.remind == true
            ? "Reminders stay on."
            : "\(prefix)boundary remind on also shows it privately to whoever mentions or replies to you."
        try context.replyPrivately(
            "Saved. Others can read it with \(prefix)boundary \(author.handle). \(reminders)", to: invocation)
    }

    /// `!boundary clear`
    func clear(_ invocation: CommandInvocation, _ context: BotContext) throws {
        guard invocation.arguments.count == 1 else { throw CommandFailure.usage(hint: "\(context.prefix)boundary clear") }
        guard try context.store.boundary(of: invocation.author.key) != nil else {
            throw CommandFailure.message("You have no boundary saved, so there is nothing to clear.")
        }
        try context.store.deleteBoundary(of: invocation.author.key)
        try context.replyPrivately("Done: your boundary is removed.", to: invocation)
    }

    /// `!boundary remind on|off`
    func remind(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let prefix = context.prefix
        let choice = invocation.arguments.count == 2 ? invocation.arguments[1].lowercased() : ""
        guard choice == "on" || choice == "off" else {
            throw CommandFailure.message("Say \(prefix)boundary remind on or \(prefix)boundary remind off.")
        }
        guard var boundary = try context.store.boundary(of: invocation.author.key) else {
            throw CommandFailure.message(
                "Set a boundary first, e.g. \(prefix)boundary set listening only, please no advice.")
        }
        boundary.remind = choice == "on"
        boundary.handle = invocation.author.handle
        try context.store.saveBoundary(boundary, at: context.now)
        try context.replyPrivately(
            boundary.remind
                ? "Reminders on: whoever mentions or replies to you gets your boundary privately, at most \(cooldownText) each."
                : "Reminders off. Your boundary stays readable with \(prefix)boundary \(invocation.author.handle).",
            to: invocation)
    }

    /// `!boundary` alone: your own.
    func showOwn(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let prefix = context.prefix
        guard let boundary = try context.store.boundary(of: invocation.author.key) else {
            try context.replyPrivately(
                "You haven't shared a boundary. \(prefix)boundary set TEXT shares one, e.g. \(prefix)boundary set listening only, please no advice.",
                to: invocation)
            return
        }
        try context.replyPrivately(
            "Your boundary: “\(boundary.text)” (reminders \(boundary.remind ? "on" : "off")). \(prefix)boundary clear removes it.",
            to: invocation)
    }

    /// `!boundary NAME`
    func show(named name: String, _ invocation: CommandInvocation, _ context: BotContext) throws {
        let platform = invocation.author.platform
        let key = Boundary.handleKey(name)
        guard !key.isEmpty, key.count <= 100 else {
            throw CommandFailure.usage(hint: "a member's name, e.g. \(context.prefix)boundary alex")
        }
        let found =
            try context.store.boundary(handle: key, platform: platform)
            ?? context.store.boundary(of: "\(platform.rawValue):\(key)")
        guard let found else {
            try context.replyPrivately("\(key) hasn't shared a boundary.", to: invocation)
            return
        }
        let whose = found.memberKey == invocation.author.key ? "Your boundary" : "\(found.handle)'s boundary"
        try context.replyPrivately("\(whose): “\(found.text)”", to: invocation)
    }

    /// "once a day", or "once every 12 hours".
    var cooldownText: String {
        settings.reminderCooldown == 86_400 ? "once a day" : "once every \(LocalTime.spoken(settings.reminderCooldown))"
    }

    /// What follows the first word of a command's text, newlines folded to spaces.
    static func text(after word: String, in argumentText: String) -> String {
        let trimmed = argumentText.trimmingCharacters(in: .whitespaces)
        let rest = trimmed.dropFirst(min(word.count, trimmed.count))
        return rest.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
