extension MemberSetting {
    /// `HH:MM-HH:MM`: local hours without check-in prompts.
    public static let quietHours = MemberSetting(rawValue: "quiet_hours")
    /// Seconds since 1970 until which the member's next private message answers a check-in question.
    public static let checkinAwaitingUntil = MemberSetting(rawValue: "checkin_awaiting_until")
}
