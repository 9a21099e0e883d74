/// Rules about a room's timeline that do not depend on the network.
public enum MatrixTimeline {
    /// True for PeerBot's own arrival in a room (not a profile change, which is join → join).
    public static func isOwnJoin(_ event: MatrixEvent, botUserID: String) -> Bool {
        event.type == MatrixEventType.member && event.stateKey == botUserID && event.membership == "join"
            && event.previousMembership != "join"
    }

    /// The index of the first event PeerBot should act on. Events before it are
    /// history: on the very first sync everything is, and in a room PeerBot has
    /// just joined, everything up to its own join (they were sent before it arrived).
    public static func firstLiveIndex(of events: [MatrixEvent], botUserID: String, isInitialSync: Bool) -> Int {
        if isInitialSync { return events.count }
        if let join = events.lastIndex(where: { isOwnJoin($0, botUserID: botUserID) }) { return join + 1 }
        return 0
    }
}
