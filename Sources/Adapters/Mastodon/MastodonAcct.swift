/// Helpers for WebFinger account names (`alice` or `alice@example.org`).
public enum MastodonAcct {
    /// Lowercased, without a leading `@`, and without the domain when it is
    /// `localDomain` — the form two accts are compared in (usernames and
    /// domains are case-insensitive).
    public static func normalized(_ acct: String, localDomain: String) -> String {
        var text = Substring(acct.lowercased())
        if text.hasPrefix("@") { text = text.dropFirst() }
        let suffix = "@" + localDomain.lowercased()
        if !localDomain.isEmpty, text.hasSuffix(suffix) { text = text.dropLast(suffix.count) }
        return String(text)
    }

    /// The acct as a mention on the bot's own instance: without a leading `@`,
    /// and without `@localDomain` (compared case-insensitively); case kept.
    public static func local(_ acct: String, localDomain: String) -> String {
        let bare = acct.hasPrefix("@") ? String(acct.dropFirst()) : acct
        let suffix = "@" + localDomain
        guard !localDomain.isEmpty, bare.count > suffix.count, bare.lowercased().hasSuffix(suffix.lowercased()) else { return bare }
        return String(bare.dropLast(suffix.count))
    }

    /// `username@domain`, adding `localDomain` to a local acct; without a leading `@`.
    public static func full(_ acct: String, localDomain: String) -> String {
        let bare = acct.hasPrefix("@") ? String(acct.dropFirst()) : acct
        if bare.contains("@") || localDomain.isEmpty { return bare }
        return "\(bare)@\(localDomain)"
    }

    /// The domain part of an acct, or `localDomain` for a local acct; lowercased.
    public static func domain(of acct: String, localDomain: String) -> String {
        let bare = acct.hasPrefix("@") ? acct.dropFirst() : Substring(acct)
        guard let at = bare.firstIndex(of: "@") else { return localDomain.lowercased() }
        return bare[bare.index(after: at)...].lowercased()
    }

    /// True when `text` looks like an acct: `user` or `user@domain`, optionally
    /// with a leading `@`; the user part letters, digits, `_`, `.` and `-`.
    public static func isAcct(_ text: String) -> Bool {
        var bare = Substring(text)
        if bare.hasPrefix("@") { bare = bare.dropFirst() }
        let parts = bare.split(separator: "@", maxSplits: 2, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let user = parts.first, !user.isEmpty, user.count <= 64,
            user.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") })
        else { return false }
        if parts.count == 2 { return isDomain(parts[1]) }
        return true
    }

    /// True when `text` looks like a DNS name, optionally with a port (`localhost:3000`).
    public static func isDomain<S: StringProtocol>(_ text: S) -> Bool {
        let hostAndPort = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let host = hostAndPort.first, !host.isEmpty, host.count <= 253 else { return false }
        if hostAndPort.count == 2 {
            guard let port = Int(hostAndPort[1]), (1...65535).contains(port) else { return false }
        }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
