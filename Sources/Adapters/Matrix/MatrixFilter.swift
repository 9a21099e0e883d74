/// The `/sync` filter: only the event types PeerBot uses, so a busy room
/// costs little (spec: client-server API, "Filtering"). Passed inline as the
/// `filter` query parameter, so no filter id has to be stored.
public enum MatrixFilter {
    /// The filter for `/sync` with at most `timelineLimit` events per room and batch.
    public static func sync(timelineLimit: Int) -> MatrixJSON {
        [
            "presence": ["types": []],
            "account_data": ["types": [.string(MatrixEventType.direct)]],
            "room": [
                "timeline": ["types": .array(MatrixEventType.timeline.map(MatrixJSON.string)), "limit": .number(Double(timelineLimit))],
                "state": ["types": .array(MatrixEventType.state.map(MatrixJSON.string)), "lazy_load_members": true],
                "ephemeral": ["types": []],
                "account_data": ["types": []],
            ],
        ]
    }

    /// The `RoomEventFilter` for `/rooms/{roomId}/messages` when filling a gap.
    public static func messages() -> MatrixJSON {
        ["types": .array(MatrixEventType.timeline.map(MatrixJSON.string))]
    }
}
