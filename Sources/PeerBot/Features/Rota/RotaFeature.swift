import Foundation

/// `!oncall`: who is on duty for tier-1 pages, and facilitators' own on/off.
public struct RotaFeature: Feature {
    public let roster: OnDutyRoster

    public init(settings: RotaSettings) {
        roster = OnDutyRoster(settings: settings)
    }

    public var commands: [CommandSpec] {
        [
            CommandSpec(
                name: "oncall", aliases: ["onduty"], arguments: "[on [DURATION]|off]",
                summary: "who is on duty for pages now; put yourself on or off duty", minimumRole: .facilitator
            ) { invocation, context in
                try oncall(invocation, context)
            }
        ]
    }

    func oncall(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let arguments = invocation.arguments.map { $0.lowercased() }
        switch arguments.first {
        case nil:
            try context.replyPrivately(try summary(context), to: invocation)
        case "on":
            guard arguments.count <= 2 else { throw CommandFailure.usage(hint: "for example \(context.prefix)oncall on 2h") }
            var duration = roster.settings.defaultDuration
            if arguments.count == 2 {
                guard let parsed = DurationText.parse(arguments[1]) else {
                    throw CommandFailure.message(
                        "\"\(arguments[1].prefix(20))\" is not a duration. Try \(context.prefix)oncall on 2h (or 90m, 1h30m).")
                }
                guard parsed <= roster.settings.maxDuration else {
                    throw CommandFailure.message(
                        "The longest I can put you on duty is \(DurationText.format(roster.settings.maxDuration)). Try a shorter time.")
                }
                duration = parsed
            }
            let until = context.now.addingTimeInterval(duration)
            try context.store.saveRotaStatus(
                RotaStatus(memberKey: invocation.author.key, handle: invocation.author.handle, onUntil: until, offUntil: nil))
            try context.replyPrivately(
                "You're on duty until \(roster.describe(until, relativeTo: context.now)). Tier-1 pages will mention you.",
                to: invocation)
        case "off":
            guard arguments.count == 1 else { throw CommandFailure.usage(hint: "just \(context.prefix)oncall off") }
            let scheduledEnd = roster.scheduledEnd(of: invocation.author.key, at: context.now)
            if let scheduledEnd {
                try context.store.saveRotaStatus(
                    RotaStatus(memberKey: invocation.author.key, handle: invocation.author.handle, onUntil: nil, offUntil: scheduledEnd))
            } else {
                try context.store.deleteRotaStatus(of: invocation.author.key)
            }
            var answer = "You're off duty now."
            if let scheduledEnd {
                answer += " Your scheduled shift until \(roster.describe(scheduledEnd, relativeTo: context.now)) is skipped."
            }
            try context.replyPrivately(answer, to: invocation)
        default:
            throw CommandFailure.usage(hint: "\(context.prefix)oncall, \(context.prefix)oncall on 2h, or \(context.prefix)oncall off")
        }
    }

    func summary(_ context: BotContext) throws -> String {
        let onDuty = try roster.onDuty(at: context.now, store: context.store)
        guard !onDuty.isEmpty else {
            return "Nobody is on duty now, so tier-1 pages mention every facilitator. Go on duty with \(context.prefix)oncall on [DURATION]."
        }
        let people = onDuty.map { entry in
            "\(entry.member.handle) (until \(roster.describe(entry.until, relativeTo: context.now))\(entry.scheduled ? ", scheduled" : ""))"
        }
        return "On duty now: \(people.joined(separator: ", ")). Tier-1 pages mention them."
    }

    public func describeData(of member: MemberRef, context: BotContext) throws -> [String] {
        guard let status = try context.store.rotaStatus(of: member.key) else { return [] }
        var lines: [String] = []
        if let onUntil = status.onUntil, onUntil > context.now {
            lines.append("On duty (you chose with \(context.prefix)oncall on) until \(roster.describe(onUntil, relativeTo: context.now)).")
        }
        if let offUntil = status.offUntil, offUntil > context.now {
            lines.append("Off duty (you chose with \(context.prefix)oncall off) until \(roster.describe(offUntil, relativeTo: context.now)).")
        }
        if lines.isEmpty { lines.append("An expired on-duty choice (\(context.prefix)oncall).") }
        return lines
    }

    public func forget(_ member: MemberRef, context: BotContext) throws {
        try context.store.deleteRotaStatus(of: member.key)
    }
}
