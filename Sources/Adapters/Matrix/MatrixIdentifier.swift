/// Checks on Matrix identifiers (spec appendix, "Identifier Grammar").
///
/// Room ids are treated as opaque: from room version 12 they carry no server
/// name (`!<hash>`), so nothing here parses them beyond the sigil.
public enum MatrixIdentifier {
    /// True when two identifiers are the same code points. Swift's `==` treats
    /// canonically equivalent strings as equal (U+212A KELVIN SIGN equals "K"),
    /// but Matrix compares identifiers code point by code point (spec appendix,
    /// "Identifier Grammar": user ids are case-sensitive and historical ones
    /// may hold any Unicode), so a look-alike id is another user.
    public static func same(_ first: String, _ second: String) -> Bool {
        first.utf8.elementsEqual(second.utf8)
    }

    /// `@localpart:server.name[:port]`.
    public static func isUserID(_ text: String) -> Bool {
        guard text.hasPrefix("@"), let colon = text.firstIndex(of: ":") else { return false }
        let local = text[text.index(after: text.startIndex)..<colon]
        let server = text[text.index(after: colon)...]
        return !local.isEmpty && isServerName(String(server)) && !text.contains(where: \.isWhitespace)
    }

    /// A server name: a host name, IPv4 or `[IPv6]` literal, optionally with `:port`.
    public static func isServerName(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 255 else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) }
    }

    /// `!opaque` room ids and `#alias:server` aliases.
    public static func isRoomIDOrAlias(_ text: String) -> Bool {
        guard text.count > 1, !text.contains(where: \.isWhitespace) else { return false }
        if text.hasPrefix("!") { return true }
        if text.hasPrefix("#"), let colon = text.firstIndex(of: ":") { return isServerName(String(text[text.index(after: colon)...])) }
        return false
    }

    /// The server part of a user id (everything after the first colon).
    public static func serverName(ofUser userID: String) -> String? {
        guard isUserID(userID), let colon = userID.firstIndex(of: ":") else { return nil }
        return String(userID[userID.index(after: colon)...])
    }
}
