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
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(
                path: path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, message: "\(error)")
        }
        return ConfigDocument(path: path, root: convert(table))
    }

    private static func convert(_ table: TOMLTable) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for key in table.keys {
            if let value = table[key] { result[key] = convert(value.tomlValue) }
        }
        return result
    }

    private static func convert(_ value: TOMLValue) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .array: return .array((value.array.map { Array($0) } ?? []).map { convert($0.tomlValue) })
        case .table: return .table(value.table.map(convert) ?? [:])
        default: return .other(value.debugDescription)
        }
    }
}
