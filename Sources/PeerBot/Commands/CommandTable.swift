/// Every command the bot answers, by name and alias.
public struct CommandTable: Sendable {
    /// Commands in the order features declared them (the order `!help` lists them).
    public private(set) var specs: [CommandSpec] = []
    private var byName: [String: Int] = [:]

    public init() {}

    /// Adds a command. A name or alias already taken is a programming error
    /// reported at start, not a silent override.
    public mutating func add(_ spec: CommandSpec) throws(CommandTableError) {
        for name in [spec.name] + spec.aliases {
            if byName[name] != nil { throw .duplicate(name) }
        }
        let index = specs.count
        specs.append(spec)
        for name in [spec.name] + spec.aliases { byName[name] = index }
    }

    /// The command for a name or alias (already lowercased).
    public func spec(named name: String) -> CommandSpec? {
        byName[name].map { specs[$0] }
    }

    /// The closest known name within one or two edits, for "did you mean".
    public func suggestion(for name: String) -> String? {
        var best: (String, Int)? = nil
        for candidate in byName.keys.sorted() {
            let distance = EditDistance.between(name, candidate, limit: 2)
            if distance <= 2, distance < (best?.1 ?? 3) { best = (specs[byName[candidate]!].name, distance) }
        }
        return best?.0
    }
}

/// A command table that cannot be built.
public enum CommandTableError: Error, Equatable, CustomStringConvertible {
    case duplicate(String)
    public var description: String {
        switch self {
        case .duplicate(let name): "two features declare the command \"\(name)\""
        }
    }
}
