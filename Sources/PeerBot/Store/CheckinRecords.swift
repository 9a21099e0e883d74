import Foundation

/// Check-ins and check-in schedules.
public protocol CheckinRecords {
    /// Stores one check-in.
    func addCheckin(_ entry: CheckinEntry) throws
    /// A member's check-ins, newest first, at most `limit` (nil: all).
    func checkins(of memberKey: String, limit: Int?) throws -> [CheckinEntry]
    /// Deletes every check-in of a member.
    func deleteCheckins(of memberKey: String) throws
    /// Deletes every check-in recorded before `instant`; returns how many.
    func deleteCheckins(before instant: Date) throws -> Int
    /// A member's schedule, if they chose one.
    func checkinSchedule(of memberKey: String) throws -> CheckinSchedule?
    /// Creates or replaces a member's schedule.
    func saveCheckinSchedule(_ schedule: CheckinSchedule, at now: Date) throws
    /// Deletes a member's schedule.
    func deleteCheckinSchedule(of memberKey: String) throws
    /// Stores an occurrence's job, or makes a cancelled one with the same key
    /// pending again (a schedule turned off and on). Returns false when the
    /// occurrence already ran, was skipped, or is pending: it never runs twice.
    func scheduleOccurrence(_ job: Job) throws -> Bool
}
