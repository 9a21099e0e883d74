import Foundation

/// Personal boundaries and the reminders sent about them.
public protocol BoundaryRecords {
    /// A member's boundary.
    func boundary(of memberKey: String) throws -> Boundary?
    /// The boundary of the member with this handle on a platform (the most recently set, if several).
    func boundary(handle: String, platform: Platform) throws -> Boundary?
    /// The boundaries with reminders on among these members.
    func remindingBoundaries(of memberKeys: [String]) throws -> [Boundary]
    /// Creates or replaces a boundary.
    func saveBoundary(_ boundary: Boundary, at now: Date) throws
    /// Deletes a member's boundary.
    func deleteBoundary(of memberKey: String) throws
    /// When `readerKey` was last reminded of `ownerKey`'s boundary.
    func lastBoundaryReminder(ownerKey: String, readerKey: String) throws -> Date?
    /// Records a reminder of `ownerKey`'s boundary sent to `readerKey`.
    func recordBoundaryReminder(ownerKey: String, readerKey: String, at now: Date) throws
    /// Reminders involving a member on either side.
    func boundaryReminders(involving memberKey: String) throws -> [(ownerKey: String, readerKey: String, sentAt: Date)]
    /// Deletes reminders involving a member on either side.
    func deleteBoundaryReminders(involving memberKey: String) throws
}
