import Foundation
import PeerBot

/// A failed client-server API call, classified by what to do about it
/// (spec: "Standard error response", "Common error codes", "Rate limiting").
public enum MatrixFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401 `M_UNKNOWN_TOKEN` / `M_MISSING_TOKEN`: the token is not (or no longer) valid.
    case unauthorized(errcode: String, softLogout: Bool)
    /// 429 `M_LIMIT_EXCEEDED`; seconds to wait if the server said.
    case rateLimited(retryAfter: TimeInterval?)
    /// 5xx, or a network fault: worth retrying.
    case unavailable(String)
    /// Any other 4xx (`M_FORBIDDEN`, `M_NOT_FOUND`, `M_BAD_JSON`, …): retrying sends the same thing.
    case rejected(status: Int, errcode: String)
    /// A 2xx whose body was not what the spec promises.
    case malformed(String)

    /// Classifies a non-2xx response. `retryAfter` is what the headers or body
    /// said (`Retry-After`, `retry_after_ms`), read by the caller.
    public static func classify(status: Int, body: Data, retryAfter: TimeInterval?) -> MatrixFailure {
        let error = try? JSONDecoder().decode(MatrixErrorBody.self, from: body)
        let errcode = error?.errcode ?? "HTTP \(status)"
        switch status {
        case 401 where errcode == "M_UNKNOWN_TOKEN" || errcode == "M_MISSING_TOKEN" || error == nil:
            return .unauthorized(errcode: errcode, softLogout: error?.softLogout ?? false)
        case 429:
            return .rateLimited(retryAfter: retryAfter ?? error?.retryAfterMilliseconds.map { Double($0) / 1000 })
        case 500...599, 408:
            return .unavailable(error.map { "HTTP \(status) \($0.errcode)" } ?? "HTTP \(status)")
        default:
            if errcode == "M_LIMIT_EXCEEDED" { return .rateLimited(retryAfter: retryAfter) }
            return .rejected(status: status, errcode: errcode)
        }
    }

    /// The outbox's view: retry later, or give up.
    public var deliveryError: DeliveryError {
        switch self {
        case .rateLimited(let retryAfter): .transient(description, retryAfter: retryAfter)
        case .unavailable: .transient(description)
        // A bad token is fixed by the admin and a restart; the entry (maybe a page) must survive until then.
        case .unauthorized: .transient(description, retryAfter: 60)
        case .rejected, .malformed: .permanent(description)
        }
    }

    public var description: String {
        switch self {
        case .unauthorized(let errcode, _): "unauthorized (\(errcode))"
        case .rateLimited(let retryAfter): "rate limited (M_LIMIT_EXCEEDED)" + (retryAfter.map { ", retry after \($0) s" } ?? "")
        case .unavailable(let reason): "homeserver unavailable: \(reason)"
        case .rejected(let status, let errcode): "rejected: HTTP \(status) \(errcode)"
        case .malformed(let what): "unexpected response: \(what)"
        }
    }
}

/// The standard error body `{"errcode": …, "error": …}`.
struct MatrixErrorBody: Decodable {
    var errcode: String
    var retryAfterMilliseconds: Int?
    var softLogout: Bool?

    enum CodingKeys: String, CodingKey {
        case errcode
        case retryAfterMilliseconds = "retry_after_ms"
        case softLogout = "soft_logout"
    }
}
