import Foundation

/// Any JSON value: event `content` is open-ended (spec: "the fields in this
/// object will vary depending on the type of event"), so it is decoded into
/// this and read with the typed accessors below.
public enum MatrixJSON: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([MatrixJSON])
    case object([String: MatrixJSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([MatrixJSON].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: MatrixJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number):
            // Integers (power levels, timestamps) are written without a fraction.
            if number.rounded() == number, abs(number) < 9e15 {
                try container.encode(Int64(number))
            } else {
                try container.encode(number)
            }
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let fields): try container.encode(fields)
        }
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> MatrixJSON? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }

    public var string: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// A whole number, also when a server wrote it as a string (old power-level events do).
    public var integer: Int? {
        switch self {
        case .number(let number) where number.rounded() == number && abs(number) < 9e15: Int(number)
        case .string(let text): Int(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    public var bool: Bool? {
        guard case .bool(let flag) = self else { return nil }
        return flag
    }

    public var array: [MatrixJSON]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    public var object: [String: MatrixJSON]? {
        guard case .object(let fields) = self else { return nil }
        return fields
    }

    /// An array of strings, skipping anything else.
    public var strings: [String] { array?.compactMap(\.string) ?? [] }

    /// The value as compact JSON bytes with sorted keys (stable for tests and txn bodies).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension MatrixJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: MatrixJSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, MatrixJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
