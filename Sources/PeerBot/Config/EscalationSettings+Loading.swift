import Foundation

extension EscalationSettings {
    /// Reads and validates `[escalation]` and its `[[escalation.tiers]]`.
    public init(reader: ConfigReader) throws(ConfigError) {
        self.init()
        let path = reader.path
        ackTimeout = try reader.duration("escalation.ack_timeout", default: ackTimeout)
        guard (30...86_400).contains(ackTimeout) else {
            throw .invalidValue(
                path: path, key: "escalation.ack_timeout",
                message: "expected between 30s and 24h, found \(DurationText.format(ackTimeout))")
        }
        if let text = try reader.string("escalation.destination"), !text.isEmpty {
            guard let parsed = EscalationDestination(parsing: text) else {
                throw .invalidValue(
                    path: path, key: "escalation.destination",
                    message: "expected platform:channel-id (such as \"console:facilitators\" or \"discord:1234567890\"), found \"\(text)\"")
            }
            destination = parsed
            destinationConfigured = true
        }
        if let keys = try reader.memberKeys("escalation.facilitators") {
            facilitators = keys
            facilitatorsConfigured = true
        }
        if let keys = try reader.memberKeys("escalation.backup") {
            backup = keys
            backupConfigured = true
        }
        showPagedNames = try reader.bool("escalation.show_paged_names", default: showPagedNames)
        maxNoteLength = try reader.int("escalation.max_note_length", default: maxNoteLength, range: 20...2000)

        let entries = try reader.tableEntries("escalation.tiers")
        if !entries.isEmpty {
            guard entries.count <= 10 else {
                throw .invalidValue(path: path, key: "escalation.tiers", message: "expected at most 10 tiers, found \(entries.count)")
            }
            tiers = try entries.map(Self.tier(from:))
        }
    }

    private static func tier(from entry: ConfigTable) throws(ConfigError) -> EscalationTier {
        try entry.requireOnly(["mention", "destination", "members"])
        let allowed = EscalationTier.Audience.allCases.map(\.rawValue)
        let word = try entry.string("mention") ?? EscalationTier.Audience.all.rawValue
        guard let audience = EscalationTier.Audience(rawValue: word) else {
            throw entry.invalid(
                "mention", "expected one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(word)\"")
        }
        var destination: EscalationDestination? = nil
        if let text = try entry.string("destination"), !text.isEmpty {
            guard let parsed = EscalationDestination(parsing: text) else {
                throw entry.invalid("destination", "expected platform:channel-id, found \"\(text)\"")
            }
            destination = parsed
        }
        let members = try entry.strings("members") ?? []
        for member in members where !MemberKeyFormat.isValid(member) {
            throw entry.invalid("members", "expected member keys written platform:id, found \"\(member)\"")
        }
        return EscalationTier(mention: audience, destination: destination, members: members)
    }
}
