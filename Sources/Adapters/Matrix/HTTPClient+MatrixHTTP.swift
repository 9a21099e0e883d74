import Foundation

/// The transport's libcurl client carries the Matrix adapter's requests.
extension HTTPClient: MatrixHTTP {
    public func send(_ request: MatrixHTTPRequest) async throws -> MatrixHTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) { headers.set(name: name, value: value) }
        let response = try await send(
            HTTPRequest(
                method: HTTPMethod(rawValue: request.method), url: request.url, headers: headers, body: request.body,
                timeout: request.timeout.map { Duration.transportSeconds($0) }))
        // Matrix puts the hint in `Retry-After` or in the body's `retry_after_ms`
        // (client-server API, "Rate limiting"); `MatrixFailure` reads the body.
        let retryAfter = response.headers["Retry-After"]
            .flatMap { RetryAfter.headerDelay($0, now: Date()) }
            .map(\.transportSecondsDouble)
        return MatrixHTTPResponse(status: response.status, body: response.body, retryAfter: retryAfter)
    }
}
