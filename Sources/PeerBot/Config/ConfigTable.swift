import Foundation

/// Typed reads from one entry of a list of tables (`[[escalation.tiers]]`).
///
/// `ConfigReader` does not look inside lists, so each entry checks its own
/// keys: an unknown key is an error naming the entry, not a silent typo.
public struct ConfigTable: Sendable {
    /// The file, for messages.
    public let path: String
    /// How the entry is named in messages (`escalation.tiers[2]`).
    public let label: String
    public let values: [String: ConfigValue]

    public init(path: String, label: String, values: [String: ConfigValue]) {
        self.path = path
        self.label = label
        self.values = values
    }

    /// Throws when the entry has a key outside `known`.
    public func requireOnly(_ known: [String]) throws(ConfigError) {
        for key in values.keys.sorted() where !known.contains(key) {
            throw .invalidValue(
                path: path, key: "\(label).\(key)",
                message: "unknown key (known: \(known.joined(separator: ", ")))")
        }
    }

    public func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = values[key] else { return nil }
        guard case .string(let text) = value else {
            throw .wrongType(path: path, key: "\(label).\(key)", expected: "a string", found: value.typeName)
        }
        return text
    }

    public func requiredString(_ key: String, hint: String) throws(ConfigError) -> String {
        guard let text = try string(key), !text.isEmpty else {
            throw .missingKey(path: path, key: "\(label).\(key)", hint: hint)
        }
        return text
    }

    public func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = values[key] else { return nil }
        guard case .array(let items) = value else {
            throw .wrongType(path: path, key: "\(label).\(key)", expected: "a list of strings", found: value.typeName)
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw .wrongType(path: path, key: "\(label).\(key)[\(index)]", expected: "a string", found: item.typeName)
            }
            result.append(text)
        }
        return result
    }

    public func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = values[key] else { return nil }
        guard case .bool(let flag) = value else {
            throw .wrongType(path: path, key: "\(label).\(key)", expected: "true or false", found: value.typeName)
        }
        return flag
    }

    /// An error about one key of this entry.
    public func invalid(_ key: String, _ message: String) -> ConfigError {
        .invalidValue(path: path, key: "\(label).\(key)", message: message)
    }
}
