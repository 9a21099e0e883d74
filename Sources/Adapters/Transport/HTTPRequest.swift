import Foundation

/// One HTTP request for `HTTPClient.send`.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    public var url: URL
    public var headers: HTTPHeaders
    /// The request body; nil sends none.
    public var body: Data?
    /// Overrides the client's total timeout for this request (e.g. a Matrix `/sync` long poll).
    public var timeout: Duration?

    public init(method: HTTPMethod = .get, url: URL, headers: HTTPHeaders = [:], body: Data? = nil, timeout: Duration? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// A GET request.
    public static func get(_ url: URL, headers: HTTPHeaders = [:]) -> HTTPRequest {
        HTTPRequest(method: .get, url: url, headers: headers)
    }

    /// A POST request with a body and its content type.
    public static func post(_ url: URL, body: Data, contentType: String, headers: HTTPHeaders = [:]) -> HTTPRequest {
        var headers = headers
        headers.set(name: "Content-Type", value: contentType)
        return HTTPRequest(method: .post, url: url, headers: headers, body: body)
    }
}
