/// A configuration value as parsed from the file, detached from the parser's
/// own (non-Sendable) types.
public indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])
    /// Dates and times, kept as their TOML text.
    case other(String)

    /// The TOML name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .double: "a number"
        case .bool: "true or false"
        case .array: "a list"
        case .table: "a table"
        case .other: "a date or time"
        }
    }
}
