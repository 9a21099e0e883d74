/// The slash command set, mirroring the text commands
/// (application-commands.mdx "Slash Commands", "Application Command Naming").
///
/// Each text command becomes a chat-input command of the same name with its
/// summary as description. Its usage string becomes string options: `N [NOTE]`
/// gives a required `n` and an optional `note`. A usage with alternatives
/// (`history | daily HH:MM | …`) becomes one optional `arguments` option, so
/// `/checkin arguments: daily 09:00` does what `!checkin daily 09:00` does.
public struct SlashCommands: Sendable, Equatable {
    /// Discord's limits: 32-character names, 100-character descriptions, 25 options.
    static let maxNameLength = 32
    static let maxDescriptionLength = 100
    static let maxOptions = 25

    public let definitions: [SlashCommandDefinition]

    /// - Parameter global: true for global registration, which may list the contexts (servers and DMs with the bot).
    public init(sources: [SlashCommandSource], global: Bool) {
        var seen: Set<String> = []
        definitions = sources.compactMap { source in
            guard let name = Self.commandName(source.name), seen.insert(name).inserted else { return nil }
            return SlashCommandDefinition(
                name: name, description: Self.description(source.summary, fallback: name),
                options: Self.options(forUsage: source.arguments), contexts: global ? [0, 1] : nil)
        }
    }

    /// The options a usage string describes.
    public static func options(forUsage usage: String) -> [SlashCommandDefinition.Option] {
        let trimmed = usage.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return [] }
        if trimmed.contains(" | ") || trimmed.hasPrefix("|") {
            return [.init(name: "arguments", description: description(trimmed, fallback: "arguments"), required: false)]
        }
        var options: [SlashCommandDefinition.Option] = []
        var sawOptional = false
        for (index, token) in trimmed.split(separator: " ").enumerated() {
            var word = Substring(token)
            let optional = word.hasPrefix("[") && word.hasSuffix("]")
            if optional { word = word.dropFirst().dropLast() }
            // Discord requires required options before optional ones.
            sawOptional = sawOptional || optional
            var name = optionName(word) ?? "argument\(index + 1)"
            while options.contains(where: { $0.name == name }) { name += "\(index + 1)" }
            options.append(.init(name: name, description: description(String(word), fallback: name), required: !sawOptional))
        }
        return Array(options.prefix(maxOptions))
    }

    /// The arguments an interaction's options stand for, in the order the
    /// command declares them; each value split on whitespace like typed text.
    public func arguments(command name: String, options: [DiscordCommandOption]) -> [String] {
        let declared = definitions.first { $0.name == name }?.options.map(\.name) ?? []
        let ordered =
            declared.compactMap { name in options.first { $0.name == name } }
            + options.filter { !declared.contains($0.name) }
        return ordered.flatMap { option -> [String] in
            if let nested = option.options, option.value == nil {
                return [option.name] + arguments(command: "", options: nested)
            }
            return (option.value?.description ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        }
    }

    /// A command name Discord accepts: lowercase letters, digits, `-` and `_`, 1–32 characters.
    static func commandName(_ name: String) -> String? {
        let cleaned = String(name.lowercased().filter { isNameCharacter($0) }.prefix(maxNameLength))
        return cleaned.isEmpty ? nil : cleaned
    }

    /// An option name from a usage word: `TOPIC` → `topic`, `CODE|clear` → `code`, `HH:MM` → `hhmm`.
    static func optionName(_ word: Substring) -> String? {
        let first = word.split(separator: "|").first.map(String.init) ?? String(word)
        let name = first == "N" ? "number" : first
        return commandName(name)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character == "-" || character == "_" || character.isLetter || character.isNumber
    }

    static func description(_ text: String, fallback: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let value = trimmed.isEmpty ? fallback : trimmed
        guard value.count > maxDescriptionLength else { return value }
        return String(value.prefix(maxDescriptionLength - 1)) + "…"
    }
}
