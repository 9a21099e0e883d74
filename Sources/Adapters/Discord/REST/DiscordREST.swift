import Foundation
import Logging
import PeerBot

/// Discord's REST API over the transport's `HTTPClient`, within its rate
/// limits (rate-limits.mdx): every request waits its turn at the
/// `BucketRateLimiter` (per-route buckets learned from `X-RateLimit-*`, 50
/// requests per second overall; interaction endpoints are exempt from the
/// global limit and skip it), and every response updates it.
///
/// - 429: waits `retry_after` (body, or `Retry-After`) and tries again when
///   the wait is short; a long wait goes back to the caller (the outbox retries later).
/// - 5xx and network faults: retried in place, with backoff, only for
///   requests that cannot post twice (`isIdempotent`: message creates carry
///   `nonce` with `enforce_nonce: true`).
/// Never logs request bodies, tokens or interaction tokens.
public final class DiscordREST: Sendable {
    public let baseURL: URL
    private let token: String
    private let http: HTTPClient
    private let limiter: BucketRateLimiter
    private let logger: Logger
    /// Called once for every wait on a rate limit: a turn at the limiter, a 429.
    private let onRateLimitWait: @Sendable () -> Void
    /// 429 waits up to this long are sat out in place.
    public let maxInlineWait: Duration
    /// In-place retries after a 429 or a 5xx.
    public let maxRetries: Int
    private let backoff = ExponentialBackoff(base: 0.5, cap: 8, floor: 0.1)

    /// Discord asks bots to identify themselves (reference.mdx "User Agent").
    static let userAgent = "DiscordBot (https://github.com/peerbot/peerbot, 1.0) PeerBot"

    public init(
        baseURL: URL, token: String, http: HTTPClient, limiter: BucketRateLimiter, maxInlineWait: Duration = .seconds(10),
        maxRetries: Int = 2, logger: Logger = Logger(label: "peerbot.discord.rest"),
        onRateLimitWait: @escaping @Sendable () -> Void = {}
    ) {
        self.baseURL = baseURL
        self.token = token
        self.http = http
        self.limiter = limiter
        self.maxInlineWait = maxInlineWait
        self.maxRetries = maxRetries
        self.logger = logger
        self.onRateLimitWait = onRateLimitWait
    }

    /// Sends `request` and decodes the 2xx body as `T`.
    public func send<T: Decodable>(_ request: DiscordRequest, priority: RequestPriority = .normal, as type: T.Type) async throws(DiscordRESTError) -> T {
        let response = try await send(request, priority: priority)
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw .unreadableResponse("\(request.route) returned \(response.body.count) bytes that are not a \(T.self)")
        }
    }

    /// Sends `request`; returns the 2xx response.
    @discardableResult
    public func send(_ request: DiscordRequest, priority: RequestPriority = .normal) async throws(DiscordRESTError) -> HTTPResponse {
        guard let url = request.url(base: baseURL) else { throw .rejected(status: 0, code: nil, message: "cannot build the URL for \(request.route)") }
        var headers: HTTPHeaders = ["Authorization": "Bot \(token)", "User-Agent": Self.userAgent]
        if request.body != nil { headers.set(name: "Content-Type", value: "application/json") }
        let httpRequest = HTTPRequest(method: HTTPMethod(rawValue: request.route.method), url: url, headers: headers, body: request.body)
        let route = request.route
        var attempt = 0
        while true {
            if !route.exemptFromGlobalLimit {
                do {
                    if try await limiter.acquire(route: route.limiterRoute, scope: route.majorParameter ?? "", priority: priority) {
                        onRateLimitWait()
                    }
                } catch {
                    throw .transport("cancelled while waiting for the rate limit")
                }
            }
            let response: HTTPResponse
            do {
                response = try await http.send(httpRequest)
            } catch {
                guard request.isIdempotent, attempt < maxRetries, !(error is CancellationError) else {
                    throw .transport("\(error)")
                }
                try await pause(backoffDelay(attempt))
                attempt += 1
                continue
            }
            if !route.exemptFromGlobalLimit {
                await limiter.update(route: route.limiterRoute, scope: route.majorParameter ?? "", response: response, now: Date())
            }
            if response.isSuccess { return response }
            let failure = Self.failure(for: response)
            switch failure {
            case .rateLimited(let wait, let global):
                // Sat out here or handed back to the outbox: either way a wait.
                onRateLimitWait()
                logger.warning(
                    "rate limited", metadata: ["route": "\(route)", "retry_after_ms": "\(wait.milliseconds)", "global": "\(global)",
                        "scope": "\(response.headers["X-RateLimit-Scope"] ?? "")"])
                guard attempt < maxRetries, wait <= maxInlineWait else { throw failure }
                // The limiter now blocks this bucket (or everything, when global) until the
                // reset; waiting `retry_after` here as well keeps exempt routes honest too.
                try await pause(wait)
            case .serverError(let status):
                logger.warning("server error", metadata: ["route": "\(route)", "status": "\(status)", "attempt": "\(attempt + 1)"])
                guard request.isIdempotent, attempt < maxRetries else { throw failure }
                try await pause(backoffDelay(attempt))
            default:
                throw failure
            }
            attempt += 1
        }
    }

    /// What a non-2xx response means.
    static func failure(for response: HTTPResponse) -> DiscordRESTError {
        let body = try? JSONDecoder().decode(DiscordAPIError.self, from: response.body)
        switch response.status {
        case 401:
            return .unauthorized
        case 429:
            let wait = RetryAfter.delay(headers: response.headers, body: response.body, now: Date()) ?? .seconds(1)
            let global = body?.global == true || RateLimitHeaders(headers: response.headers, now: Date()).isGlobal
            return .rateLimited(retryAfter: wait, global: global)
        case 500...599:
            return .serverError(status: response.status)
        default:
            let message = String((body?.message ?? "HTTP \(response.status)").prefix(200))
            return .rejected(status: response.status, code: body?.code, message: message)
        }
    }

    private func backoffDelay(_ attempt: Int) -> Duration {
        .milliseconds(Int((backoff.delay(attempt: attempt) * 1000).rounded()))
    }

    private func pause(_ duration: Duration) async throws(DiscordRESTError) {
        do {
            try await Task.sleep(for: duration)
        } catch {
            throw .transport("cancelled")
        }
    }
}
