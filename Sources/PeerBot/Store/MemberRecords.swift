/// Per-member choices: region, time zone, opt-outs. Stored as named settings so
/// `!mydata` can show them all and `!forgetme` can delete them all.
public protocol MemberRecords {
    /// One setting of one member, or nil.
    func setting(_ name: MemberSetting, of memberKey: String) throws -> String?
    /// Sets (or with nil, clears) one setting.
    func setSetting(_ name: MemberSetting, of memberKey: String, to value: String?) throws
    /// Every setting of one member.
    func settings(of memberKey: String) throws -> [MemberSetting: String]
    /// Deletes every setting of one member.
    func deleteSettings(of memberKey: String) throws
    /// Members that have `name` set to `value` (for example every member with reminders on).
    func members(with name: MemberSetting, equalTo value: String) throws -> [String]
}

/// The names of per-member settings.
public struct MemberSetting: RawRepresentable, Hashable, Sendable, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static func < (lhs: MemberSetting, rhs: MemberSetting) -> Bool { lhs.rawValue < rhs.rawValue }

    /// ISO 3166-1 alpha-2 code for help lines.
    public static let region = MemberSetting(rawValue: "region")
    /// IANA time zone.
    public static let timeZone = MemberSetting(rawValue: "timezone")
    /// The member's handle, kept so pages and relays can name them.
    public static let handle = MemberSetting(rawValue: "handle")
}
