/// A configuration problem. Every message names the file, the key and what was expected.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileMissing(path: String)
    case unreadable(path: String, reason: String)
    case syntax(path: String, line: Int, column: Int, message: String)
    case wrongType(path: String, key: String, expected: String, found: String)
    case invalidValue(path: String, key: String, message: String)
    case missingKey(path: String, key: String, hint: String)
    case missingSecret(path: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .fileMissing(let path):
            "\(path): no such file (pass --config FILE, or copy config/peerbot.toml)"
        case .unreadable(let path, let reason):
            "\(path): cannot read the file: \(reason)"
        case .syntax(let path, let line, let column, let message):
            "\(path):\(line):\(column): syntax error: \(message)"
        case .wrongType(let path, let key, let expected, let found):
            "\(path): \(key): expected \(expected), found \(found)"
        case .invalidValue(let path, let key, let message):
            "\(path): \(key): \(message)"
        case .missingKey(let path, let key, let hint):
            "\(path): \(key) is required: \(hint)"
        case .missingSecret(let path, let key, let reason):
            "\(path): \(key): secret is missing: \(reason)"
        }
    }
}
