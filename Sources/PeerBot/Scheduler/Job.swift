import Foundation

/// A persisted unit of future work: one occurrence of a schedule, a re-page, a reminder.
public struct Job: Sendable, Equatable {
    public var id: Int64
    /// Which feature runs it (`checkin.prompt`, `escalation.repage`, …).
    public var kind: String
    /// Unique per occurrence, so scheduling the same occurrence twice stores it once.
    public var key: String
    /// The member the job concerns, if any (so data deletion can remove it).
    public var memberKey: String?
    public var dueAt: Date
    /// Feature-specific data, JSON.
    public var payload: String
    public var missedPolicy: MissedJobPolicy

    public init(
        id: Int64 = 0, kind: String, key: String, memberKey: String? = nil, dueAt: Date, payload: String = "{}",
        missedPolicy: MissedJobPolicy = .withinGrace
    ) {
        self.id = id
        self.kind = kind
        self.key = key
        self.memberKey = memberKey
        self.dueAt = dueAt
        self.payload = payload
        self.missedPolicy = missedPolicy
    }
}

/// What to do with an occurrence that fell due while the bot was not running.
public enum MissedJobPolicy: Int, Sendable, Codable {
    /// Run it once at start if it is younger than the configured grace period, else skip it.
    case withinGrace = 0
    /// Always run it, however late (escalation: a page must never be dropped).
    case always = 1
}
