import Foundation
import PeerBot

/// Checks on the configuration file beyond its typed values, over every key
/// (so they cover adapter sections this code does not know): every
/// `${VARIABLE}` that is not set, every `*_file` that cannot be read, and
/// secrets written literally in a file that group or others can read.
public struct ConfigFileAudit {
    /// One problem, with the dotted key it is about.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var key: String
        public var message: String
        public var description: String { "\(key): \(message)" }
    }

    let document: ConfigDocument
    let environment: [String: String]
    /// The file's permission bits; nil when they cannot be read.
    let mode: Int?

    public init(
        document: ConfigDocument, environment: [String: String] = ProcessInfo.processInfo.environment, mode: Int? = nil
    ) {
        self.document = document
        self.environment = environment
        self.mode = mode ?? Self.permissions(of: document.path)
    }

    /// Adapter sections and whether each runs when it does not say `enabled`.
    /// A section that is off may name variables this machine does not set.
    static let adapterSections = ["console": true, "discord": false, "matrix": false, "mastodon": false]

    /// The adapter sections the file turns off (or leaves off).
    var disabledSections: Set<String> {
        Set(Self.adapterSections.compactMap { section, enabledByDefault in
            let table: [String: ConfigValue]? = if case .table(let table) = document.root[section] { table } else { nil }
            let enabled: Bool = if case .bool(let flag) = table?["enabled"] { flag } else { enabledByDefault }
            return enabled ? nil : section
        })
    }

    /// Variables that are not set and `*_file`s that cannot be read: each one,
    /// not just the first. Adapter sections that are off are not checked.
    public func missingSecrets() -> [Finding] {
        var findings: [Finding] = []
        let off = disabledSections
        for (key, value) in strings() where !off.contains(String(key.prefix { $0 != "." && $0 != "[" })) {
            for name in Self.variables(in: value) where (environment[name] ?? "").isEmpty {
                findings.append(Finding(key: key, message: "secret is missing: environment variable \(name) is not set"))
            }
            if key.hasSuffix("_file"), !value.contains("${") {
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: value, isDirectory: &isDirectory) {
                    findings.append(Finding(key: key, message: "no such file: \(value)"))
                } else if isDirectory.boolValue || !FileManager.default.isReadableFile(atPath: value) {
                    findings.append(Finding(key: key, message: "cannot read \(value) (permissions, or not a file)"))
                }
            }
        }
        return findings
    }

    /// Secret-like keys (`token`, `password`, `*_secret`, `*_key`, …) written
    /// literally, when the file is readable by group or others.
    public func inlineSecretWarnings() -> [String] {
        guard let mode, mode & 0o077 != 0 else { return [] }
        let keys = strings().filter { key, value in
            Self.isSecretName(key) && !value.isEmpty && Self.variables(in: value).isEmpty
        }.map(\.key)
        return keys.map { key in
            "\(document.path): \(key) is written in the file, which group or others can read (mode \(String(mode & 0o777, radix: 8))): "
                + "chmod 600 \(document.path), or use \(key) = \"${VARIABLE}\" or \(key)_file = \"/path\""
        }
    }

    /// True for the last part of a key that names a secret.
    static func isSecretName(_ key: String) -> Bool {
        let name = (key.split(separator: ".").last.map(String.init) ?? key).lowercased()
        guard !name.hasSuffix("_file") else { return false }
        return ["token", "password", "passphrase", "secret"].contains { name.contains($0) }
            || name == "key" || name.hasSuffix("_key")
    }

    /// Every string value with its dotted key (list items as `key[0]`, tables in lists as `key[0].sub`).
    func strings() -> [(key: String, value: String)] {
        var result: [(String, String)] = []
        func walk(_ value: ConfigValue, _ key: String) {
            switch value {
            case .string(let text): result.append((key, text))
            case .table(let table): for (name, child) in table { walk(child, key.isEmpty ? name : "\(key).\(name)") }
            case .array(let items): for (index, item) in items.enumerated() { walk(item, "\(key)[\(index)]") }
            default: break
            }
        }
        walk(.table(document.root), "")
        return result.sorted { $0.0 < $1.0 }
    }

    /// The names in `${NAME}` references (`$$` is a literal dollar).
    static func variables(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            let after = rest[rest.index(after: dollar)...]
            if after.first == "$" {
                rest = after.dropFirst()
            } else if after.first == "{", let close = after.firstIndex(of: "}") {
                names.append(String(after[after.index(after: after.startIndex)..<close]))
                rest = after[after.index(after: close)...]
            } else {
                rest = after
            }
        }
        return names
    }

    static func permissions(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
    }
}
