import Foundation
import TOMLKit

/// A parsed configuration file.
public struct ConfigDocument: Sendable {
    /// The file it came from, for messages (`config/peerbot.toml`).
    public var path: String
    public var root: [String: ConfigValue]

    public init(path: String, root: [String: ConfigValue]) {
        self.path = path
        self.root = root
    }

    /// Reads and parses a TOML file.
    public static func load(path: String) throws(ConfigError) -> ConfigDocument {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .fileMissing(path: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "the file is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses TOML text.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigDocument {
        guard deepestKey(in: text) < maximumDepth else {
            throw .syntax(
                path: path, line: 0, column: 0,
                message: "a key or table header has more than \(maximumDepth - 1) dots (tables nest at most \(maximumDepth) levels deep)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(
                path: path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, message: "\(error)")
        }
        return ConfigDocument(path: path, root: try convert(table, path: path, key: "", depth: 0))
    }

    /// The deepest nesting of tables and lists accepted. The shipped
    /// configuration nests four levels; TOML itself sets no limit (`a.a.a… = 1`
    /// nests one table per dot), and converting is recursive, so a hostile or
    /// broken file would otherwise overflow the stack.
    public static let maximumDepth = 32

    private static func convert(
        _ table: TOMLTable, path: String, key: String, depth: Int
    ) throws(ConfigError) -> [String: ConfigValue] {
        guard depth < maximumDepth else { throw tooDeep(path: path, key: key) }
        var result: [String: ConfigValue] = [:]
        for name in table.keys {
            if let value = table[name] {
                result[name] = try convert(value.tomlValue, path: path, key: key.isEmpty ? name : "\(key).\(name)", depth: depth)
            }
        }
        return result
    }

    private static func convert(_ value: TOMLValue, path: String, key: String, depth: Int) throws(ConfigError) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .array:
            guard depth + 1 < maximumDepth else { throw tooDeep(path: path, key: key) }
            var items: [ConfigValue] = []
            for item in value.array.map({ Array($0) }) ?? [] {
                items.append(try convert(item.tomlValue, path: path, key: key, depth: depth + 1))
            }
            return .array(items)
        case .table:
            guard let table = value.table else { return .table([:]) }
            return .table(try convert(table, path: path, key: key, depth: depth + 1))
        default: return .other(value.debugDescription)
        }
    }

    private static func tooDeep(path: String, key: String) -> ConfigError {
        .invalidValue(
            path: path, key: String(key.prefix(80)), message: "tables and lists are nested more than \(maximumDepth) levels deep")
    }
}
