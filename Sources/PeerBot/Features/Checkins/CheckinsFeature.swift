import Foundation

/// Private check-ins (`!checkin`), alone or on a schedule the member chose,
/// with their time zone (`!timezone`) and quiet hours (`!quiet`). Everything
/// is opt-in, answered privately, and can be paused or stopped.
public struct CheckinsFeature: Feature {
    /// The job kind of a scheduled prompt; one job per occurrence, keyed
    /// `checkin:<member key>:<ISO instant>`.
    public static let promptKind = "checkin.prompt"
    /// How many entries `!checkin history` shows.
    static let historyLength = 14

    public let settings: CheckinSettings

    public init(settings: CheckinSettings) {
        self.settings = settings
    }

    public var commands: [CommandSpec] {
        [
            CommandSpec(
                name: "checkin", aliases: ["check-in"],
                arguments: "[1-5] [NOTE] | history | daily HH:MM [TZ] | weekly DAY HH:MM [TZ] | pause DURATION | resume | off",
                summary: "check in with yourself privately, now or on a schedule you choose"
            ) { invocation, context in
                try checkin(invocation, context)
            },
            CommandSpec(
                name: "timezone", aliases: ["tz"], arguments: "ZONE|clear",
                summary: "your time zone for scheduled check-ins (a name such as Europe/Berlin)"
            ) { invocation, context in
                try timeZoneCommand(invocation, context)
            },
            CommandSpec(
                name: "quiet", arguments: "HH:MM-HH:MM|off",
                summary: "hours in which I send you no check-in prompt"
            ) { invocation, context in
                try quietCommand(invocation, context)
            },
        ]
    }

    public var jobKinds: [String] { [Self.promptKind] }

    /// Routes `!checkin` to its subcommand; anything else is a check-in.
    func checkin(_ invocation: CommandInvocation, _ context: BotContext) throws {
        guard let first = invocation.arguments.first?.lowercased() else {
            try ask(invocation.author, context: context, origin: invocation.origin)
            return
        }
        switch first {
        case "history": try history(invocation, context)
        case "daily", "weekly": try setSchedule(invocation, context)
        case "off", "stop": try turnOff(invocation, context)
        case "pause": try pause(invocation, context)
        case "resume": try resume(invocation, context)
        case "status", "schedule": try status(invocation, context)
        default: try record(invocation, context)
        }
    }

    /// The subcommands, for "did you mean".
    static let subcommands = ["history", "daily", "weekly", "off", "stop", "pause", "resume", "status", "schedule"]

    /// The member a job or a record belongs to, from its key (`platform:id`).
    static func member(fromKey key: String) -> MemberRef? {
        guard let colon = key.firstIndex(of: ":") else { return nil }
        let id = String(key[key.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        return MemberRef(platform: Platform(rawValue: String(key[..<colon])), id: id)
    }
}
