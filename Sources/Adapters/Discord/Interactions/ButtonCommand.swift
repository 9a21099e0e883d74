/// Buttons that stand for commands: a page's "Acknowledge" and "Resolve",
/// and 1–5 under a check-in question. Pressing one runs the same core
/// command as typing it (`!ack 12`, `!resolve 12`, `!checkin 3`); the
/// `custom_id` carries it as `pb:<command>:<argument>`.
public struct ButtonCommand: Sendable, Equatable {
    public var name: String
    public var argument: String

    /// The commands a button may run: a forged `custom_id` can do nothing else.
    static let allowed: Set<String> = ["ack", "resolve", "checkin"]

    public init(name: String, argument: String) {
        self.name = name
        self.argument = argument
    }

    /// Reads a `custom_id`; nil when it is not one of PeerBot's buttons.
    public init?(customID: String) {
        let parts = customID.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "pb", Self.allowed.contains(String(parts[1])),
            !parts[2].isEmpty, parts[2].count <= 12, parts[2].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        name = String(parts[1])
        argument = String(parts[2])
    }

    public var customID: String { "pb:\(name):\(argument)" }

    /// "Acknowledge" and "Resolve" for a page about `ticket`.
    public static func pageButtons(ticket: Int) -> [ActionRow] {
        [
            ActionRow(components: [
                Button(style: 3, label: "Acknowledge", customID: ButtonCommand(name: "ack", argument: String(ticket)).customID),
                Button(style: 2, label: "Resolve", customID: ButtonCommand(name: "resolve", argument: String(ticket)).customID),
            ])
        ]
    }

    /// 1–5 for a check-in question.
    public static func checkinButtons() -> [ActionRow] {
        [ActionRow(components: (1...5).map { Button(style: 2, label: String($0), customID: ButtonCommand(name: "checkin", argument: String($0)).customID) })]
    }

    /// True when a private message is the check-in question ("How are you
    /// doing, 1–5 or a few words?"). The core's actions carry no kind, so the
    /// question's wording is the signal; other text gets no buttons.
    public static func isCheckinQuestion(_ text: String) -> Bool {
        text.contains("How are you doing") && (text.contains("1–5") || text.contains("1-5"))
    }
}
