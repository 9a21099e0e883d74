import PeerBot

/// Writes inbound events as console input lines (`NAME: TEXT`,
/// `NAME@CHANNEL: TEXT`, `NAME@dm: TEXT`), for transcripts piped through
/// `peerbot console`.
enum ConsoleTranscript {
    static func line(for event: InboundEvent) -> String? {
        guard case .message(let message) = event else { return nil }
        let name = message.author.id
        if message.channel.isDirect { return "\(name)@dm: \(message.text)" }
        let channel = message.channel.name ?? message.channel.id
        return channel == "general" ? "\(name): \(message.text)" : "\(name)@\(channel): \(message.text)"
    }

    /// `count` lines of `next()`'s events, newline-terminated, as UTF-8.
    static func bytes(count: Int, _ next: () -> InboundEvent) -> [UInt8] {
        var text = ""
        text.reserveCapacity(count * 64)
        var written = 0
        while written < count {
            guard let line = line(for: next()) else { continue }
            text += line
            text += "\n"
            written += 1
        }
        return Array(text.utf8)
    }
}
