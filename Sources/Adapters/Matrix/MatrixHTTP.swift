import Foundation

/// The seam between the Matrix client and HTTP: one request in, one response
/// out. The transport's `HTTPClient` implements it (`HTTPClient+MatrixHTTP`);
/// tests script it to produce faults a real server will not on demand.
public protocol MatrixHTTP: Sendable {
    /// Sends one request. Returns every status as a response; throws only when
    /// there is no response (connection refused, timeout, cancellation).
    func send(_ request: MatrixHTTPRequest) async throws -> MatrixHTTPResponse
}

/// One HTTP request to the homeserver.
public struct MatrixHTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// Header fields; the access token travels here, never in the URL.
    public var headers: [String: String]
    public var body: Data?
    /// Overrides the client's total timeout (a `/sync` long poll needs longer).
    public var timeout: TimeInterval?

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// One HTTP response from the homeserver.
public struct MatrixHTTPResponse: Sendable {
    public var status: Int
    public var body: Data
    /// Seconds the `Retry-After` header asked for, read by the transport.
    public var retryAfter: TimeInterval?

    public init(status: Int, body: Data = Data(), retryAfter: TimeInterval? = nil) {
        self.status = status
        self.body = body
        self.retryAfter = retryAfter
    }
}
