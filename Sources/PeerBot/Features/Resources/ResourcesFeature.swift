/// `!resources` (help lines by topic and region) and `!region` (remember my region).
public struct ResourcesFeature: Feature {
    public let directory: ResourceDirectory

    public init(directory: ResourceDirectory) {
        self.directory = directory
    }

    public var commands: [CommandSpec] {
        [
            CommandSpec(
                name: "resources", aliases: ["helplines", "resource", "helpline"], arguments: "[TOPIC] [REGION]",
                summary: "help lines for a topic (crisis, suicide, lgbtq, …) in a country (US, GB, …)"
            ) { invocation, context in
                try resources(invocation, context)
            },
            CommandSpec(
                name: "region", arguments: "CODE|clear",
                summary: "remember your country for help lines (a two-letter code such as US or GB)"
            ) { invocation, context in
                try region(invocation, context)
            },
        ]
    }

    func resources(_ invocation: CommandInvocation, _ context: BotContext) throws {
        var region: RegionCode? = nil
        var words: [String] = []
        for argument in invocation.arguments {
            if region == nil, argument.count == 2 || argument.uppercased() == "INTL", argument.allSatisfy(\.isLetter),
                ResourceTopic.match(argument) == nil
            {
                guard let code = RegionCode(argument) else {
                    throw CommandFailure.message(
                        "I don't know the region \"\(argument)\". Use a two-letter country code such as US, GB or CA, or INTL.")
                }
                region = code
            } else {
                words.append(argument)
            }
        }
        var topic: ResourceTopic? = nil
        if !words.isEmpty {
            topic = ResourceTopic.match(words.joined(separator: " ")) ?? words.lazy.compactMap(ResourceTopic.match).first
            guard topic != nil else {
                let shown = words.joined(separator: " ").prefix(40)
                throw CommandFailure.message(
                    "I don't know the topic \"\(shown)\". Topics: \(directory.topics.map(\.rawValue).joined(separator: ", ")). Example: \(context.prefix)resources suicide GB")
            }
        }
        let effectiveRegion = try region ?? ResourceDirectory.region(of: invocation.author, context: context)
        try context.reply(
            directory.answer(
                topic: topic, region: effectiveRegion, maxEntries: context.configuration.resources.maxEntries,
                prefix: context.prefix),
            to: invocation)
    }

    func region(_ invocation: CommandInvocation, _ context: BotContext) throws {
        let key = invocation.author.key
        guard let argument = invocation.arguments.first else {
            let saved = try context.store.setting(.region, of: key)
            try context.replyPrivately(
                saved.map { "Your region for help lines is \($0). Change it with \(context.prefix)region CODE, or \(context.prefix)region clear." }
                    ?? "You have no region saved; help lines default to \(context.configuration.bot.defaultRegion ?? "international services"). Save one with \(context.prefix)region CODE.",
                to: invocation)
            return
        }
        guard invocation.arguments.count == 1 else { throw CommandFailure.usage(hint: "one code, e.g. \(context.prefix)region GB") }
        if ["clear", "none", "off", "forget"].contains(argument.lowercased()) {
            try context.store.setSetting(.region, of: key, to: nil)
            try context.replyPrivately("Done: I no longer keep a region for you.", to: invocation)
            return
        }
        guard let code = RegionCode(argument) else {
            throw CommandFailure.message(
                "\"\(argument.prefix(20))\" is not a country code I know. Use two letters such as US, GB, DE or CA (or INTL).")
        }
        try context.store.setSetting(.region, of: key, to: code.rawValue)
        let note = directory.covers(code) ? "" : " I have no local lines for \(code) yet, so I'll show international ones."
        try context.replyPrivately("Saved: your region for help lines is \(code).\(note)", to: invocation)
    }
}
