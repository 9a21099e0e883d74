import PeerBot

/// Why a REST request to Discord failed, after the retries `DiscordREST` makes itself.
public enum DiscordRESTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401: the token was rejected.
    case unauthorized
    /// A 4xx Discord will answer the same way every time (missing access, unknown channel, invalid form).
    case rejected(status: Int, code: Int?, message: String)
    /// 429 with a wait too long to sit out in place.
    case rateLimited(retryAfter: Duration, global: Bool)
    /// 5xx after the in-place retries.
    case serverError(status: Int)
    /// The request never got a response (connection, timeout, TLS).
    case transport(String)
    /// A 2xx whose body could not be read.
    case unreadableResponse(String)

    public var description: String {
        switch self {
        case .unauthorized:
            "Discord rejected the bot token (401 Unauthorized) — check discord.token"
        case .rejected(let status, let code, let message):
            "Discord refused the request (\(status)\(code.map { ", code \($0)" } ?? "")): \(message)"
        case .rateLimited(let retryAfter, let global):
            "rate limited\(global ? " (global)" : "") for \(retryAfter)"
        case .serverError(let status):
            "Discord server error \(status)"
        case .transport(let reason):
            "network error: \(reason)"
        case .unreadableResponse(let what):
            "unreadable response: \(what)"
        }
    }

    /// Worth retrying later (the outbox does, with the same idempotency key).
    public var isTransient: Bool {
        switch self {
        case .rateLimited, .serverError, .transport: true
        case .unauthorized, .rejected, .unreadableResponse: false
        }
    }

    /// The outbox's view of the failure.
    public var deliveryError: DeliveryError {
        switch self {
        case .rateLimited(let retryAfter, _):
            .transient(description, retryAfter: Double(retryAfter.components.seconds) + Double(retryAfter.components.attoseconds) / 1e18)
        case .serverError, .transport:
            .transient(description)
        // A rejected token is fixed by the admin and a restart; the entry (maybe a page)
        // must survive until then, as on Matrix.
        case .unauthorized:
            .transient(description, retryAfter: 60)
        case .rejected, .unreadableResponse:
            .permanent(description)
        }
    }
}
