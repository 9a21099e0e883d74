/// Why a Mastodon REST call failed. Carries statuses and short reasons, never
/// request or response bodies (they may hold message text).
public enum MastodonRESTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401: the token is wrong, revoked or expired. Fatal for the adapter.
    case unauthorized
    /// 403: the token lacks a scope for this call.
    case forbidden(path: String)
    /// 429 after waiting was not an option (a post): retry after this many seconds.
    case rateLimited(retryAfter: Double)
    /// 404.
    case notFound
    /// Another 4xx (422 validation, …): retrying will not help.
    case rejected(status: Int, reason: String)
    /// 5xx: the server failed; worth retrying.
    case server(status: Int)
    /// No response: connection, TLS, timeout.
    case network(String)
    /// A 2xx whose body is not what the API documents.
    case undecodable(path: String)

    public var description: String {
        switch self {
        case .unauthorized: "the access token was rejected (401)"
        case .forbidden(let path): "the token lacks a scope for \(path) (403)"
        case .rateLimited(let seconds): "rate limited; retry in \(Int(seconds.rounded(.up))) s"
        case .notFound: "not found (404)"
        case .rejected(let status, let reason): "rejected (\(status)): \(reason)"
        case .server(let status): "server error (\(status))"
        case .network(let reason): "network: \(reason)"
        case .undecodable(let path): "unexpected response from \(path)"
        }
    }

    /// True when trying again later may succeed.
    public var isTransient: Bool {
        switch self {
        case .rateLimited, .server, .network, .undecodable: true
        case .unauthorized, .forbidden, .notFound, .rejected: false
        }
    }
}
