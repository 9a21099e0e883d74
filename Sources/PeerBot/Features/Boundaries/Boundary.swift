import Foundation

/// A member's personal boundary, in their own words ("listening only, please
/// no advice"), shared so others can read it with `!boundary NAME`.
public struct Boundary: Sendable, Equatable {
    public var memberKey: String
    public var platform: Platform
    /// The owner's handle when they last set it, for `!boundary NAME`.
    public var handle: String
    public var text: String
    /// True when whoever mentions or replies to the owner is told the boundary.
    public var remind: Bool

    public init(memberKey: String, platform: Platform, handle: String, text: String, remind: Bool) {
        self.memberKey = memberKey
        self.platform = platform
        self.handle = handle
        self.text = text
        self.remind = remind
    }

    /// The form handles are looked up by: no leading `@`, lowercased.
    public static func handleKey(_ handle: String) -> String {
        var trimmed = Substring(handle.trimmingCharacters(in: .whitespaces))
        while trimmed.first == "@" { trimmed = trimmed.dropFirst() }
        return trimmed.lowercased()
    }
}
