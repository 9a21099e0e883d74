import Foundation

/// Makes client-server API calls for one account: builds the URL, adds the
/// token, classifies failures, decodes answers. A value: the token is fixed
/// once signed in.
public struct MatrixClient: Sendable {
    public let homeserver: URL
    public let http: any MatrixHTTP
    /// Nil until signed in (only `login` works without it).
    public let accessToken: String?

    public init(homeserver: URL, http: any MatrixHTTP, accessToken: String? = nil) {
        self.homeserver = homeserver
        self.http = http
        self.accessToken = accessToken
    }

    /// The same client signed in with `token`.
    public func signedIn(with token: String) -> MatrixClient {
        MatrixClient(homeserver: homeserver, http: http, accessToken: token)
    }

    /// The full URL of an endpoint, with its query strictly percent-encoded
    /// (`+` and `&` in tokens or filters must not be read as separators).
    public func url(for endpoint: MatrixEndpoint) -> URL? {
        guard var components = URLComponents(url: homeserver, resolvingAgainstBaseURL: false) else { return nil }
        var prefix = components.percentEncodedPath
        while prefix.hasSuffix("/") { prefix.removeLast() }
        components.percentEncodedPath = prefix + endpoint.path
        if !endpoint.query.isEmpty {
            components.percentEncodedQuery = endpoint.query
                .map { "\(MatrixEndpoint.segment($0.name))=\(MatrixEndpoint.segment($0.value ?? ""))" }
                .joined(separator: "&")
        }
        return components.url
    }

    /// Calls `endpoint` and returns the body of a 2xx response.
    /// Throws `MatrixFailure` for every failure, `CancellationError` when cancelled.
    public func call(_ endpoint: MatrixEndpoint, timeout: TimeInterval? = nil) async throws -> Data {
        guard let url = url(for: endpoint) else { throw MatrixFailure.malformed("cannot build a URL for \(endpoint.path)") }
        var headers = ["Accept": "application/json"]
        if endpoint.authenticated, let accessToken { headers["Authorization"] = "Bearer \(accessToken)" }
        var body: Data?
        if let content = endpoint.body {
            body = try content.encoded()
            headers["Content-Type"] = "application/json"
        }
        let response: MatrixHTTPResponse
        do {
            response = try await http.send(MatrixHTTPRequest(method: endpoint.method, url: url, headers: headers, body: body, timeout: timeout))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            try Task.checkCancellation()
            throw MatrixFailure.unavailable("\(error)")
        }
        guard (200..<300).contains(response.status) else {
            throw MatrixFailure.classify(status: response.status, body: response.body, retryAfter: response.retryAfter)
        }
        return response.body
    }

    /// Calls `endpoint` and decodes the answer.
    public func call<Answer: Decodable>(_ endpoint: MatrixEndpoint, as type: Answer.Type, timeout: TimeInterval? = nil) async throws -> Answer {
        let data = try await call(endpoint, timeout: timeout)
        do {
            return try JSONDecoder().decode(Answer.self, from: data)
        } catch {
            throw MatrixFailure.malformed("\(Answer.self) did not decode")
        }
    }
}
