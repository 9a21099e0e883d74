import Foundation
import PeerBot
import Testing

/// The facilitator- and admin-level commands of the bot as built — read from
/// its command table, so a new privileged command is covered without editing
/// the tests — and lines a plain member could type to run each one.
enum PrivilegedCommands {
    /// The privileged commands of a bot built from the configuration at `path`.
    static func specs(configPath path: String) async throws -> [CommandSpec] {
        let configuration = try BotConfiguration(reader: ConfigReader(document: try ConfigDocument.load(path: path)))
        let directory = try ResourceDirectory.load(path: configuration.resources.directory)
        let store = try SQLiteStore(
            path: FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-commands-\(UUID().uuidString).sqlite").path)
        let bot = try Bot(
            configuration: configuration, store: store, clock: SystemWallClock(),
            features: StandardFeatures.make(configuration: configuration, directory: directory, crisisMatcher: CrisisMatcher(phrases: [])))
        let privileged = await bot.commandSpecs.filter { $0.minimumRole > .member }
        #expect(!privileged.isEmpty, "the bot has no facilitator or admin command: the permission tests would test nothing")
        return privileged
    }

    /// Each name and alias, bare and with arguments that would work for a facilitator.
    static func lines(_ specs: [CommandSpec], prefix: String = "!", facilitator: String) -> [(spec: CommandSpec, line: String)] {
        specs.flatMap { spec in
            ([spec.name] + spec.aliases).flatMap { name -> [(spec: CommandSpec, line: String)] in
                let arguments = arguments(spec.arguments, facilitator: facilitator)
                return [(spec, prefix + name)] + (arguments.isEmpty ? [] : [(spec, "\(prefix)\(name) \(arguments)")])
            }
        }
    }

    /// Arguments from a usage line: `N` → 1, `NAME` → a facilitator, `DURATION` → 2h,
    /// free text → a word; the first of alternatives (`on|off` → on).
    static func arguments(_ usage: String, facilitator: String) -> String {
        usage.replacingOccurrences(of: "[", with: " ").replacingOccurrences(of: "]", with: " ")
            .split(separator: " ").filter { !$0.hasPrefix("|") }
            .map { token -> String in
                let word = String(token.split(separator: "|").first ?? "")
                switch word {
                case "N": return "1"
                case "NAME": return facilitator
                case "DURATION": return "2h"
                case word.uppercased() where word.contains(where: \.isLetter): return "hello"
                default: return word
                }
            }.joined(separator: " ")
    }

    /// The refusal the bot answers a member with.
    static func refusal(_ spec: CommandSpec, prefix: String = "!") -> String {
        "Sorry, \(prefix)\(spec.name) is only for \(spec.minimumRole == .admin ? "admins" : "facilitators"). Nothing was changed."
    }

    /// Command names that look like privileged ones but are not ASCII: Cyrillic,
    /// Greek and full-width letters. None is a command.
    static let lookAlikeLines = [
        "!\u{430}ck 1",  // Cyrillic а
        "!\u{FF52}\u{FF45}\u{FF53}\u{FF4F}\u{FF4C}\u{FF56}\u{FF45} 1",  // full-width ｒｅｓｏｌｖｅ
        "!handoff\u{200B} 1 sam",  // a zero-width space glued to the name
        "!hand\u{3BF}ff 1 sam",  // Greek ο
        "!t\u{456}ckets",  // Cyrillic і
        "!\u{43E}ncall on 2h",  // Cyrillic о
        "!r\u{435}ply 1 hello",  // Cyrillic е
    ]

    /// Tables whose rows a refused command must leave exactly as they were
    /// (the outbox and channel activity change with every message, and are checked apart).
    static let stateTables = [
        "ticket", "audit_event", "rota_status", "member_setting", "job", "checkin", "checkin_schedule", "boundary",
        "boundary_reminder", "topic_reminder",
    ]

    /// Every row of the state tables, comparable across runs: without the
    /// wall-clock `created_at` of rows, JSON payloads with their keys sorted.
    static func state(of store: SQLiteStore) throws -> [String: [[String: String]]] {
        var state: [String: [[String: String]]] = [:]
        for table in stateTables {
            state[table] = try store.rawRows("SELECT * FROM \(table) ORDER BY 1").map { row in
                var row = row
                row["created_at"] = nil
                return row.mapValues(sortedJSON)
            }
        }
        return state
    }

    private static func sortedJSON(_ text: String) -> String {
        guard text.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else { return text }
        return String(decoding: data, as: UTF8.self)
    }
}
