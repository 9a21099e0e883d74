import Foundation
import Logging

/// The REST calls of the Mastodon adapter: the token on every request, JSON
/// bodies, and the account's rate limit (`MastodonRateLimit`) — every request
/// first waits while the limit says so, in its lane (`RequestPriority`).
actor MastodonREST {
    let http: HTTPClient
    let endpoints: MastodonEndpoints
    private let token: String
    private let logger: Logger
    private var rateLimit = MastodonRateLimit()
    /// Called once for every wait on the rate limit: a request held back, a 429 handed to the outbox.
    private let onRateLimitWait: @Sendable () -> Void
    /// A GET answered 429 waits for the reset and is tried again, this many times.
    static let getRetries = 3
    /// The longest `error` text of a 4xx kept for the log.
    static let maximumReasonLength = 120

    init(
        http: HTTPClient, endpoints: MastodonEndpoints, token: String, logger: Logger,
        onRateLimitWait: @escaping @Sendable () -> Void = {}
    ) {
        self.http = http
        self.endpoints = endpoints
        self.token = token
        self.logger = logger
        self.onRateLimitWait = onRateLimitWait
    }

    /// `get` as a `Result`, so callers can switch over the typed error.
    func fetch<T: Decodable & Sendable>(_ url: URL, as type: T.Type, priority: RequestPriority = .normal) async -> Result<T, MastodonRESTError> {
        do {
            return .success(try await get(url, as: type, priority: priority))
        } catch {
            return .failure(error)
        }
    }

    /// `postStatus` as a `Result`.
    func post(
        _ status: MastodonStatusRequest, idempotencyKey: String, priority: RequestPriority = .normal
    ) async -> Result<MastodonStatus, MastodonRESTError> {
        do {
            return .success(try await postStatus(status, idempotencyKey: idempotencyKey, priority: priority))
        } catch {
            return .failure(error)
        }
    }

    /// GETs `url` and decodes the JSON response.
    func get<T: Decodable & Sendable>(_ url: URL, as type: T.Type, priority: RequestPriority = .normal) async throws(MastodonRESTError) -> T {
        var attempts = 0
        while true {
            let response = try await send(HTTPRequest(method: .get, url: url, headers: headers()), priority: priority)
            if response.status == 429, attempts < Self.getRetries {
                attempts += 1
                continue  // `send` waits for the reset first
            }
            try check(response, path: url.path, priority: priority)
            return try decode(response, as: T.self, path: url.path)
        }
    }

    /// `POST /api/v1/statuses` with `Idempotency-Key`: Mastodon answers a repeat
    /// of a key it has seen (for an hour) with the status it already made
    /// (docs.joinmastodon.org/methods/statuses/#create), so a retry never posts twice.
    /// A 429 is not waited for here: it throws `.rateLimited` and the outbox retries.
    func postStatus(
        _ status: MastodonStatusRequest, idempotencyKey: String, priority: RequestPriority = .normal
    ) async throws(MastodonRESTError) -> MastodonStatus {
        guard let url = endpoints.statuses else { throw .rejected(status: 0, reason: "invalid instance URL") }
        let body: Data
        do {
            body = try JSONEncoder().encode(status)
        } catch {
            throw .rejected(status: 0, reason: "cannot encode the status")
        }
        var fields = headers()
        fields.set(name: "Content-Type", value: "application/json")
        fields.set(name: "Idempotency-Key", value: idempotencyKey)
        let response = try await send(HTTPRequest(method: .post, url: url, headers: fields, body: body), priority: priority)
        if response.status == 429 {
            // Not sat out here: the outbox waits the reset before its retry.
            onRateLimitWait()
            throw .rateLimited(retryAfter: max(1, rateLimit.delay(now: Date(), priority: priority)))
        }
        try check(response, path: url.path, priority: priority)
        return try decode(response, as: MastodonStatus.self, path: url.path)
    }

    /// Sends one request once the rate limit allows one of `priority`, and records its rate-limit headers.
    private func send(_ request: HTTPRequest, priority: RequestPriority) async throws(MastodonRESTError) -> HTTPResponse {
        var waited = false
        while true {
            let wait = rateLimit.delay(now: Date(), priority: priority)
            if wait <= 0 { break }
            if !waited { onRateLimitWait() }
            waited = true
            logger.notice("mastodon rate limited; waiting", metadata: ["wait_s": "\(Int(wait.rounded(.up)))"])
            do {
                try await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up))))
            } catch {
                throw .network("cancelled")
            }
        }
        rateLimit.willSend(now: Date())
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch let error as HTTPError {
            throw .network(error.description)
        } catch {
            throw .network(error is CancellationError ? "cancelled" : "\(type(of: error))")
        }
        if let wait = rateLimit.record(status: response.status, header: { response.headers[$0] }, now: Date()) {
            logger.warning(
                "mastodon rate limited (429)",
                metadata: ["path": "\(request.url.path)", "retry_in_s": "\(Int(wait.rounded(.up)))"])
        }
        return response
    }

    private func headers() -> HTTPHeaders {
        ["Authorization": "Bearer \(token)", "Accept": "application/json"]
    }

    private func check(_ response: HTTPResponse, path: String, priority: RequestPriority) throws(MastodonRESTError) {
        switch response.status {
        case 200..<300: return
        case 401: throw .unauthorized
        case 403: throw .forbidden(path: path)
        case 404: throw .notFound
        case 429: throw .rateLimited(retryAfter: max(1, rateLimit.delay(now: Date(), priority: priority)))
        case 400..<500: throw .rejected(status: response.status, reason: reason(of: response))
        default: throw .server(status: response.status)
        }
    }

    /// Mastodon's `{"error": "…"}` (validation messages; no status text), shortened.
    private func reason(of response: HTTPResponse) -> String {
        struct ErrorBody: Decodable { var error: String }
        let text = (try? JSONDecoder().decode(ErrorBody.self, from: response.body))?.error ?? "HTTP \(response.status)"
        return String(text.prefix(Self.maximumReasonLength))
    }

    private func decode<T: Decodable>(_ response: HTTPResponse, as type: T.Type, path: String) throws(MastodonRESTError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw .undecodable(path: path)
        }
    }
}
