extension Bot {
    /// `!help`: the commands the caller may use, one line each.
    static func helpSpec(table: CommandTable) -> CommandSpec {
        CommandSpec(name: "help", aliases: ["commands"], summary: "list the commands you can use") { invocation, context in
            let prefix = context.prefix
            var lines = ["I'm \(context.configuration.bot.name), a bot (not a person). Commands you can use:"]
            let usable = table.specs.filter { invocation.authorRole >= $0.minimumRole }
            for spec in usable {
                lines.append("\(spec.usage(prefix: prefix)) — \(spec.summary)")
            }
            lines.append("\(prefix)help — list the commands you can use")
            try context.replyPrivately(lines.joined(separator: "\n"), to: invocation)
        }
    }
}
