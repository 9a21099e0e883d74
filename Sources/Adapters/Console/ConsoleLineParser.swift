import PeerBot

/// Parses the console grammar (documented in the README):
///
///     NAME: TEXT            member NAME says TEXT in the default channel
///     NAME@CHANNEL: TEXT    … in channel CHANNEL
///     NAME@dm: TEXT         … in a direct message to the bot
///     :join NAME            member NAME joins the space
///     :advance DURATION     move the virtual clock (90s, 10m, 2h, 3d)
///     # comment, blank      ignored
public struct ConsoleLineParser: Sendable {
    public let defaultChannel: String

    public init(defaultChannel: String = "general") {
        self.defaultChannel = defaultChannel
    }

    public func parse(_ line: String) -> ConsoleLine {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .ignored }
        if trimmed.hasPrefix(":") { return parseDirective(trimmed) }
        guard let colon = trimmed.firstIndex(of: ":") else {
            return .invalid("expected \"NAME: TEXT\", \"NAME@CHANNEL: TEXT\", \":join NAME\" or \":advance 10m\"")
        }
        let speaker = trimmed[..<colon]
        var text = trimmed[trimmed.index(after: colon)...]
        if text.first == " " { text = text.dropFirst() }
        let name: Substring
        var channel = ConsoleChannel.channel(defaultChannel)
        if let at = speaker.firstIndex(of: "@") {
            name = speaker[..<at]
            let channelName = speaker[speaker.index(after: at)...]
            if channelName.lowercased() == "dm" {
                channel = .direct
            } else {
                guard Self.isName(channelName, maxLength: 64) else {
                    return .invalid("\"\(channelName.prefix(64))\" is not a channel name (letters, digits, - and _)")
                }
                channel = .channel(String(channelName))
            }
        } else {
            name = speaker
        }
        guard Self.isName(name, maxLength: 32) else {
            return .invalid("\"\(name.prefix(32))\" is not a member name (1–32 letters, digits, ., - and _)")
        }
        return .message(name: String(name), channel: channel, text: String(text))
    }

    private func parseDirective(_ line: String) -> ConsoleLine {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        switch parts.first?.lowercased() {
        case ":join":
            guard parts.count == 2, Self.isName(parts[1], maxLength: 32) else { return .invalid("usage: :join NAME") }
            return .join(name: String(parts[1]))
        case ":advance":
            guard parts.count == 2, let seconds = DurationText.parse(String(parts[1])) else {
                return .invalid("usage: :advance DURATION (for example 90s, 10m, 2h, 3d)")
            }
            return .advance(seconds: Int(seconds))
        default:
            return .invalid("unknown directive \(parts.first.map(String.init)?.prefix(20) ?? ""); known: :join, :advance")
        }
    }

    static func isName(_ text: Substring, maxLength: Int) -> Bool {
        !text.isEmpty && text.count <= maxLength
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
    }
}
