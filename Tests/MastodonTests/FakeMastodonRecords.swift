import Adapters
import Foundation

/// One request the fake received.
struct RecordedRequest: Decodable {
    var method: String
    var path: String
    var query: String
    var authorized: Bool
    var idempotencyKey: String?
    var time: Double
    var params: [String: JSONValue]?

    enum CodingKeys: String, CodingKey {
        case method, path, query, authorized, time, params
        case idempotencyKey = "idempotency_key"
    }

    /// A string parameter of the request body.
    func param(_ name: String) -> String? {
        if case .string(let value) = params?[name] { return value }
        return nil
    }
}

/// A status the fake created (after idempotency deduplication).
struct PostedStatus: Decodable {
    var status: MastodonStatus
    /// The text as posted (plain, with the mentions).
    var text: String
    var idempotencyKey: String?

    enum CodingKeys: String, CodingKey {
        case status, text
        case idempotencyKey = "idempotency_key"
    }
}

/// A status post the fake held.
struct HeldPost: Decodable {
    var idempotencyKey: String?
    var accepted: Bool
    var text: String

    enum CodingKeys: String, CodingKey {
        case accepted, text
        case idempotencyKey = "idempotency_key"
    }
}

/// Any JSON value (request parameters).
enum JSONValue: Decodable {
    case string(String), number(Double), bool(Bool), null, other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .other
        }
    }
}
