/// One weekly shift of the on-duty rota, in the rota's time zone.
public struct RotaShift: Sendable, Equatable {
    /// The facilitator's member key (`console:sam`).
    public var member: String
    /// Weekdays the shift starts on, as `Calendar` numbers them (1 = Sunday … 7 = Saturday).
    public var weekdays: Set<Int>
    /// Start, in minutes after midnight.
    public var startMinute: Int
    /// End, in minutes after midnight; at or before the start means the shift runs past midnight.
    public var endMinute: Int

    public init(member: String, weekdays: Set<Int>, startMinute: Int, endMinute: Int) {
        self.member = member
        self.weekdays = weekdays
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Day names accepted in the configuration, with their `Calendar` weekday numbers.
    static let dayNames: [String: Set<Int>] = [
        "sun": [1], "mon": [2], "tue": [3], "wed": [4], "thu": [5], "fri": [6], "sat": [7],
        "weekdays": [2, 3, 4, 5, 6], "weekends": [1, 7], "daily": [1, 2, 3, 4, 5, 6, 7],
    ]

    /// Reads `HH:MM` (00:00–24:00) as minutes after midnight.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0
        else { return nil }
        return hour * 60 + minute
    }
}
