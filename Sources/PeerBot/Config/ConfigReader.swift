import Foundation
import Synchronization

/// Reads typed values out of a `ConfigDocument` by dotted key, producing
/// `ConfigError`s that name the key and the expected type, and remembering
/// which keys were read so that unknown keys can be reported.
public final class ConfigReader: Sendable {
    public let document: ConfigDocument
    private let environment: [String: String]
    private let visited = Mutex<Set<String>>([])
    private let secretsRead = Mutex<Set<String>>([])

    public init(document: ConfigDocument, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.document = document
        self.environment = environment
    }

    /// The file path, for messages.
    public var path: String { document.path }

    /// The raw value at a dotted key, marking it (and its parents) as known.
    public func value(_ key: String) -> ConfigValue? {
        markKnown(key)
        var current: ConfigValue = .table(document.root)
        for part in key.split(separator: ".") {
            guard case .table(let table) = current, let next = table[String(part)] else { return nil }
            current = next
        }
        return current
    }

    /// True when a section or key is present.
    public func has(_ key: String) -> Bool { value(key) != nil }

    /// Marks a key (and every key under it) as known without reading it.
    public func markKnown(_ key: String) {
        visited.withLock { set in
            set.insert(key)
            var parts = key.split(separator: ".")
            while !parts.isEmpty {
                parts.removeLast()
                if !parts.isEmpty { set.insert(parts.joined(separator: ".")) }
            }
        }
    }

    public func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw .wrongType(path: path, key: key, expected: "a string", found: value.typeName)
        }
        return try interpolate(text, key: key)
    }

    public func string(_ key: String, default fallback: String) throws(ConfigError) -> String {
        try string(key) ?? fallback
    }

    public func int(_ key: String, default fallback: Int, range: ClosedRange<Int>? = nil) throws(ConfigError) -> Int {
        guard let value = value(key) else { return fallback }
        guard case .integer(let number) = value else {
            throw .wrongType(path: path, key: key, expected: "an integer", found: value.typeName)
        }
        if let range, !range.contains(number) {
            throw .invalidValue(path: path, key: key, message: "expected \(range.lowerBound)–\(range.upperBound), found \(number)")
        }
        return number
    }

    public func bool(_ key: String, default fallback: Bool) throws(ConfigError) -> Bool {
        guard let value = value(key) else { return fallback }
        guard case .bool(let flag) = value else {
            throw .wrongType(path: path, key: key, expected: "true or false", found: value.typeName)
        }
        return flag
    }

    public func strings(_ key: String, default fallback: [String] = []) throws(ConfigError) -> [String] {
        guard let value = value(key) else { return fallback }
        guard case .array(let items) = value else {
            throw .wrongType(path: path, key: key, expected: "a list of strings", found: value.typeName)
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw .wrongType(
                    path: path, key: "\(key)[\(index)]", expected: "a string", found: item.typeName)
            }
            result.append(try interpolate(text, key: key))
        }
        return result
    }

    /// A duration written as `90s`, `10m`, `2h`, `3d` (or an integer number of seconds).
    public func duration(_ key: String, default fallback: TimeInterval) throws(ConfigError) -> TimeInterval {
        guard let value = value(key) else { return fallback }
        switch value {
        case .integer(let seconds) where seconds >= 0:
            return TimeInterval(seconds)
        case .string(let text):
            guard let seconds = DurationText.parse(text) else {
                throw .invalidValue(path: path, key: key, message: "expected a duration like \"90s\", \"10m\", \"2h\" or \"3d\", found \"\(text)\"")
            }
            return seconds
        default:
            throw .wrongType(path: path, key: key, expected: "a duration like \"10m\"", found: value.typeName)
        }
    }

    /// One of a fixed set of words.
    public func choice(_ key: String, of allowed: [String], default fallback: String) throws(ConfigError) -> String {
        let text = try string(key, default: fallback)
        guard allowed.contains(text) else {
            throw .invalidValue(
                path: path, key: key,
                message: "expected one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(text)\"")
        }
        return text
    }

    /// A list of tables (`[[section]]`).
    public func tables(_ key: String) throws(ConfigError) -> [[String: ConfigValue]] {
        guard let value = value(key) else { return [] }
        guard case .array(let items) = value else {
            throw .wrongType(path: path, key: key, expected: "a list of tables ([[\(key)]])", found: value.typeName)
        }
        var result: [[String: ConfigValue]] = []
        for (index, item) in items.enumerated() {
            guard case .table(let table) = item else {
                throw .wrongType(path: path, key: "\(key)[\(index)]", expected: "a table", found: item.typeName)
            }
            result.append(table)
        }
        return result
    }

    /// A secret given inline (`token = "${ENV}"`) or in a file (`token_file = "/run/secrets/x"`).
    /// Returns nil when neither is present; throws when a named variable or file is missing or empty.
    public func secret(_ key: String) throws(ConfigError) -> String? {
        secretsRead.withLock { _ = $0.insert(key) }
        if let fileKeyValue = try string(key + "_file") {
            let filePath = fileKeyValue
            if let problem = Self.secretFileProblem(filePath) {
                throw .missingSecret(path: path, key: key + "_file", reason: problem)
            }
            guard let data = FileManager.default.contents(atPath: filePath) else {
                throw .missingSecret(path: path, key: key + "_file", reason: "cannot read \(filePath)")
            }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                throw .missingSecret(path: path, key: key + "_file", reason: "\(filePath) is empty")
            }
            return text
        }
        guard let inline = try string(key) else { return nil }
        guard !inline.isEmpty else {
            throw .missingSecret(path: path, key: key, reason: "the value is empty")
        }
        return inline
    }

    /// The largest secret file read: tokens are a few hundred bytes.
    static let maximumSecretFileSize = 64 * 1024

    /// Why `filePath` cannot hold a secret, if it cannot: only a regular file
    /// (after symlinks, as Kubernetes and systemd credentials use them) of a
    /// bounded size is read, so a path such as `/dev/zero` or a FIFO gives an
    /// error rather than a start-up that never finishes.
    static func secretFileProblem(_ filePath: String) -> String? {
        let resolved = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else {
            return "cannot read \(filePath)"
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            return "\(filePath) is not a regular file"
        }
        if let size = attributes[.size] as? Int, size > maximumSecretFileSize {
            return "\(filePath) is larger than \(maximumSecretFileSize / 1024) KiB; expected a token"
        }
        return nil
    }

    /// A secret that must be present.
    public func requiredSecret(_ key: String, hint: String) throws(ConfigError) -> String {
        guard let value = try secret(key) else {
            throw .missingSecret(path: path, key: key, reason: "set \(key) = \"${VARIABLE}\" or \(key)_file = \"/path\" (\(hint))")
        }
        return value
    }

    /// The keys read as secrets so far (`secret`, `requiredSecret`), so a test can
    /// check that the inline-secret warning knows every one of them.
    public var secretKeys: Set<String> { secretsRead.withLock { $0 } }

    /// Every key in the document that no one read, as dotted paths.
    public func unknownKeys() -> [String] {
        let known = visited.withLock { $0 }
        var unknown: [String] = []
        func walk(_ table: [String: ConfigValue], prefix: String) {
            for (key, value) in table {
                let full = prefix.isEmpty ? key : "\(prefix).\(key)"
                if !known.contains(full) {
                    unknown.append(full)
                } else if case .table(let child) = value {
                    walk(child, prefix: full)
                }
            }
        }
        walk(document.root, prefix: "")
        return unknown.sorted()
    }

    /// Replaces `${NAME}` with the environment variable NAME; `$$` stands for `$`.
    private func interpolate(_ text: String, key: String) throws(ConfigError) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.first == "$" {
                result += "$"
                rest = after.dropFirst()
            } else if after.first == "{", let close = after.firstIndex(of: "}") {
                let name = String(after[after.index(after: after.startIndex)..<close])
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw .invalidValue(path: path, key: key, message: "\"${\(name)}\" is not a valid variable reference")
                }
                guard let variable = environment[name], !variable.isEmpty else {
                    throw .missingSecret(path: path, key: key, reason: "environment variable \(name) is not set")
                }
                result += variable
                rest = after[after.index(after: close)...]
            } else {
                result += "$"
                rest = after
            }
        }
        result += rest
        return result
    }
}
