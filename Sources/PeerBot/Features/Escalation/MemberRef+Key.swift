extension MemberRef {
    /// Rebuilds a member from a stored key (`platform:id`); nil when the key has
    /// no platform (a pseudonym, "anonymous").
    public init?(key: String, handle: String? = nil) {
        guard let colon = key.firstIndex(of: ":") else { return nil }
        let platform = key[..<colon], id = key[key.index(after: colon)...]
        guard !platform.isEmpty, !id.isEmpty else { return nil }
        self.init(platform: Platform(rawValue: String(platform)), id: String(id), handle: handle)
    }
}
