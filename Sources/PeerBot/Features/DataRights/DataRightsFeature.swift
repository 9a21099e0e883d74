import Foundation
import Logging

/// `!mydata` (everything stored about me, privately) and `!forgetme` (delete it).
public struct DataRightsFeature: Feature {
    /// Every other feature: each describes and forgets its own records.
    let features: [any Feature]
    let logger: Logger

    public init(features: [any Feature], logger: Logger = Logger(label: "peerbot.data-rights")) {
        self.features = features
        self.logger = logger
    }

    public var commands: [CommandSpec] {
        [
            CommandSpec(name: "mydata", summary: "everything I keep about you, sent to you privately") { invocation, context in
                try myData(invocation, context)
            },
            CommandSpec(
                name: "forgetme", arguments: "[confirm]",
                summary: "delete everything I keep about you (asks first)"
            ) { invocation, context in
                try forgetMe(invocation, context)
            },
        ]
    }

    func myData(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let member = invocation.author
        let settings = try context.store.settings(of: member.key)
        var records: [String] = []
        for feature in features { records += try feature.describeData(of: member, context: context) }
        let jobs = try context.store.pendingJobs(memberKey: member.key)
        if !jobs.isEmpty { records.append("\(jobs.count) scheduled reminder\(jobs.count == 1 ? "" : "s") or prompt\(jobs.count == 1 ? "" : "s").") }

        var lines: [String]
        if settings.isEmpty && records.isEmpty {
            lines = ["I keep nothing about you (\(member.key))."]
        } else {
            lines = ["Everything I keep about you (\(member.key)):"]
            if !settings.isEmpty {
                lines.append("Your settings:")
                lines += settings.keys.sorted().map { "• \(Self.label(of: $0)): \(Self.shown($0, settings[$0] ?? ""))" }
            }
            if !records.isEmpty {
                lines.append("Your records:")
                lines += records.map { "• \($0)" }
            }
        }
        lines.append("I don't keep the text of your messages (only notes you chose to add), and my logs never contain message text.")
        if !(settings.isEmpty && records.isEmpty) { lines.append("To delete all of this: \(context.prefix)forgetme") }
        try context.replyPrivately(lines.joined(separator: "\n"), to: invocation)
    }

    func forgetMe(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let member = invocation.author
        switch invocation.arguments.map({ $0.lowercased() }) {
        case []:
            var text = "This deletes everything I keep about you — your settings, check-ins, agreements, reminders and on-duty choices — and replaces your name in past requests for a facilitator with a pseudonym (the log keeps what happened, not who)."
            if let ticket = try context.store.activeTicket(ofMember: member.key) {
                text += " Your open request #\(ticket.id) will be withdrawn."
            }
            text += " It can't be undone. To go ahead: \(context.prefix)forgetme confirm"
            try context.replyPrivately(text, to: invocation)
        case ["confirm"]:
            for feature in features { try feature.forget(member, context: context) }
            try context.store.deleteSettings(of: member.key)
            try context.store.deleteJobs(memberKey: member.key)
            logger.notice("member data deleted on request", metadata: ["platform": "\(member.platform)"])
            try context.replyPrivately(
                "Done. I've deleted everything I kept about you and removed your name from past requests. If you talk to me again, I'll start fresh.",
                to: invocation)
        default:
            throw CommandFailure.usage(hint: "type \(context.prefix)forgetme to see what would be deleted, then \(context.prefix)forgetme confirm")
        }
    }

    /// Readable names for the settings the standard features keep.
    static func label(of setting: MemberSetting) -> String {
        switch setting.rawValue {
        case MemberSetting.region.rawValue: "Region for help lines"
        case MemberSetting.timeZone.rawValue: "Time zone"
        case MemberSetting.handle.rawValue: "Name shown"
        case MemberSetting.crisisScan.rawValue: "Crisis-language offers"
        case MemberSetting.crisisOfferAt.rawValue: "Last crisis-language offer"
        default: setting.rawValue
        }
    }

    static func shown(_ setting: MemberSetting, _ value: String) -> String {
        if setting == .crisisOfferAt, let seconds = Double(value) {
            return TimestampText.minute(Date(timeIntervalSince1970: seconds))
        }
        if setting == .crisisScan { return value == "off" ? "off (you opted out)" : value }
        return value
    }
}
