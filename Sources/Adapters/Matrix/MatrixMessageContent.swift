import PeerBot

/// The event contents PeerBot sends (client-server API v3, "m.room.message msgtypes",
/// "User and room mentions", "Event annotations and reactions").
public enum MatrixMessageContent {
    /// A bot message: `m.notice`, which other bots must not answer, with an
    /// empty `m.mentions` so no one is pinged by a name in the text.
    public static func notice(_ text: String) -> MatrixJSON {
        ["msgtype": .string(MatrixEventType.notice), "body": .string(text), "m.mentions": [:]]
    }

    /// A page: `m.text`, because the default push rule `.m.rule.suppress_notices`
    /// silences `m.notice`, so a notice would reach no one's phone. It mentions
    /// the facilitators in `m.mentions` (what push rules match) and as pills
    /// (links to `https://matrix.to/#/@user:server`) in the formatted body.
    public static func page(_ text: String, mentioning userIDs: [String]) -> MatrixJSON {
        let users = userIDs.filter(MatrixIdentifier.isUserID)
        guard !users.isEmpty else {
            return ["msgtype": .string(MatrixEventType.text), "body": .string(text), "m.mentions": [:]]
        }
        let pills = users.map { "<a href=\"\(permalink($0))\">\(escapeHTML($0))</a>" }
        return [
            "msgtype": .string(MatrixEventType.text),
            "body": .string("\(users.joined(separator: " ")): \(text)"),
            "format": "org.matrix.custom.html",
            "formatted_body": .string("\(pills.joined(separator: " ")): \(html(text))"),
            "m.mentions": ["user_ids": .array(users.map(MatrixJSON.string))],
        ]
    }

    /// A reaction annotating `eventID` with `key`.
    public static func reaction(to eventID: String, key: String) -> MatrixJSON {
        ["m.relates_to": ["rel_type": "m.annotation", "event_id": .string(eventID), "key": .string(key)]]
    }

    /// The matrix.to link of a user (spec appendix, "matrix.to navigation").
    public static func permalink(_ userID: String) -> String {
        "https://matrix.to/#/\(escapeHTML(userID))"
    }

    /// Plain text as HTML: escaped, line breaks kept.
    public static func html(_ text: String) -> String {
        escapeHTML(text).replacingOccurrences(of: "\n", with: "<br>")
    }

    public static func escapeHTML(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
