/// The crisis-offer policy of one space.
public struct CrisisSpacePolicy: Sendable, Equatable {
    public var mode: CrisisMode
    /// Include the message text in the facilitators' notice (`offer+notify` only).
    public var shareText: Bool
    /// Members may turn offers off for themselves with `!crisisscan off`.
    public var allowOptOut: Bool

    public init(mode: CrisisMode = .offer, shareText: Bool = false, allowOptOut: Bool = true) {
        self.mode = mode
        self.shareText = shareText
        self.allowOptOut = allowOptOut
    }
}
