/// Ordering and validation of Mastodon ids.
///
/// Ids are strings "cast from an integer but not guaranteed to be a number"
/// (docs.joinmastodon.org/api/guidelines/#id). Mastodon's are decimal
/// Snowflake-like integers, other servers' are fixed-length sortable strings
/// (GoToSocial's ULIDs); comparing length first, then the characters, orders both.
public enum MastodonID {
    /// The longest id accepted from a server or a configuration.
    public static let maximumLength = 64

    /// True when `id` is non-empty, at most 64 characters, and made of ASCII
    /// letters, digits, `_` and `-` — safe to put in a URL path or query.
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= maximumLength else { return false }
        return id.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// True when `id` is made of ASCII digits only (a Mastodon account or status id).
    public static func isNumeric(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// True when `lhs` was issued after `rhs`.
    public static func isNewer(_ lhs: String, than rhs: String) -> Bool {
        let left = lhs.utf8.count, right = rhs.utf8.count
        if left != right { return left > right }
        return lhs > rhs
    }

    /// The newer of two ids; nil only when both are nil.
    public static func newest(_ lhs: String?, _ rhs: String?) -> String? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return isNewer(lhs, than: rhs) ? lhs : rhs
    }
}
