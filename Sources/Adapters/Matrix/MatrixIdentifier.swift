/// Checks on Matrix identifiers (spec appendix, "Identifier Grammar").
///
/// Room ids are treated as opaque: from room version 12 they carry no server
/// name (`!<hash>`), so nothing here parses them beyond the sigil.
public enum MatrixIdentifier {
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
