import Foundation

/// A complete HTTP response. Every status is returned as a response, so
/// callers can read a 429's rate-limit headers; `requireSuccess()` turns
/// 4xx/5xx into `HTTPError.status`.
public struct HTTPResponse: Sendable {
    /// The final status code (after any interim 1xx responses and followed redirects).
    public var status: Int
    /// The final response's header fields.
    public var headers: HTTPHeaders
    public var body: Data
    /// True when the transfer reused a connection left open by an earlier one.
    public var reusedConnection: Bool

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data(), reusedConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.reusedConnection = reusedConnection
    }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded as UTF-8, invalid bytes replaced.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Returns the response when 2xx, else throws `HTTPError.status`.
    @discardableResult
    public func requireSuccess() throws(HTTPError) -> HTTPResponse {
        guard isSuccess else { throw HTTPError.status(status) }
        return self
    }
}
