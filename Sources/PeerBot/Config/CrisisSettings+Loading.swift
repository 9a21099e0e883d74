import Foundation

extension CrisisSettings {
    /// Reads and validates `[crisis]` and its `[[crisis.spaces]]`.
    public init(reader: ConfigReader) throws(ConfigError) {
        self.init()
        let path = reader.path
        let modes = CrisisMode.allCases.map(\.rawValue)
        defaultPolicy.mode = CrisisMode(rawValue: try reader.choice("crisis.mode", of: modes, default: "offer")) ?? .offer
        defaultPolicy.shareText = try reader.bool("crisis.share_text", default: defaultPolicy.shareText)
        defaultPolicy.allowOptOut = try reader.bool("crisis.allow_opt_out", default: defaultPolicy.allowOptOut)
        cooldown = try reader.duration("crisis.cooldown", default: cooldown)
        guard cooldown <= 30 * 86_400 else {
            throw .invalidValue(path: path, key: "crisis.cooldown", message: "expected at most 30d, found \(DurationText.format(cooldown))")
        }
        languages = try reader.strings("crisis.languages", default: languages)
        for language in languages where !(2...3).contains(language.count) || !language.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            throw .invalidValue(path: path, key: "crisis.languages", message: "expected ISO 639-1 codes such as \"en\", found \"\(language)\"")
        }
        phrasesDirectory = try reader.string("crisis.phrases_directory", default: phrasesDirectory)
        if let text = try reader.string("crisis.notify_destination"), !text.isEmpty {
            guard let destination = EscalationDestination(parsing: text) else {
                throw .invalidValue(path: path, key: "crisis.notify_destination", message: "expected platform:channel-id, found \"\(text)\"")
            }
            notifyDestination = destination
        }
        for entry in try reader.tableEntries("crisis.spaces") {
            try entry.requireOnly(["space", "mode", "share_text", "allow_opt_out"])
            let space = try entry.requiredString("space", hint: "the space as platform:space-id, such as \"discord:1234567890\"")
            guard MemberKeyFormat.isValid(space) else {
                throw entry.invalid("space", "expected platform:space-id, found \"\(space)\"")
            }
            var policy = defaultPolicy
            if let word = try entry.string("mode") {
                guard let mode = CrisisMode(rawValue: word) else {
                    throw entry.invalid("mode", "expected one of \(modes.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(word)\"")
                }
                policy.mode = mode
            }
            policy.shareText = try entry.bool("share_text") ?? policy.shareText
            policy.allowOptOut = try entry.bool("allow_opt_out") ?? policy.allowOptOut
            spaces[space] = policy
        }
    }
}
