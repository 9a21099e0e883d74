extension MemberSetting {
    /// `off` when the member turned crisis-language offers off for themselves.
    public static let crisisScan = MemberSetting(rawValue: "crisis_scan")
    /// When the member last got a crisis-language offer (seconds since 1970), for the cooldown.
    public static let crisisOfferAt = MemberSetting(rawValue: "crisis_offer_at")
}
