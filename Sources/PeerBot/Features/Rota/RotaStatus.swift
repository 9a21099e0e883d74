import Foundation

/// A facilitator's own on-duty choice (`!oncall on` / `!oncall off`).
public struct RotaStatus: Sendable, Equatable {
    public var memberKey: String
    public var handle: String
    /// On duty until then (`!oncall on`).
    public var onUntil: Date?
    /// Off duty until then, overriding a scheduled shift (`!oncall off`).
    public var offUntil: Date?

    public init(memberKey: String, handle: String, onUntil: Date? = nil, offUntil: Date? = nil) {
        self.memberKey = memberKey
        self.handle = handle
        self.onUntil = onUntil
        self.offUntil = offUntil
    }
}
