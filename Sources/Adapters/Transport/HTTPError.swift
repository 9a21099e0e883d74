/// Why an HTTP request did not produce a response.
public enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request cannot be sent: bad URL, scheme or header.
    case invalidRequest(String)
    /// The host name did not resolve.
    case hostNotFound(String)
    /// No connection could be made (refused, unreachable).
    case connectionFailed(String)
    /// The connect or total timeout passed.
    case timedOut
    /// TLS failed: an untrusted or mismatched certificate, or a handshake error.
    case tls(String)
    /// The connection closed before the response was complete.
    case connectionClosed(String)
    /// The response body exceeded the configured cap (in bytes).
    case responseTooLarge(limit: Int)
    /// Redirects were followed more times than allowed.
    case tooManyRedirects
    /// A 4xx or 5xx status, from `HTTPResponse.requireSuccess()`.
    case status(Int)
    /// The client was shut down before or during the request.
    case clientShutDown
    /// Any other libcurl failure, with its code and message.
    case transferFailed(code: Int, message: String)

    public var description: String {
        switch self {
        case .invalidRequest(let why): "invalid request: \(why)"
        case .hostNotFound(let why): "host not found: \(why)"
        case .connectionFailed(let why): "connection failed: \(why)"
        case .timedOut: "timed out"
        case .tls(let why): "TLS failed: \(why)"
        case .connectionClosed(let why): "connection closed early: \(why)"
        case .responseTooLarge(let limit): "response larger than \(limit) bytes"
        case .tooManyRedirects: "too many redirects"
        case .status(let code): "HTTP status \(code)"
        case .clientShutDown: "HTTP client shut down"
        case .transferFailed(let code, let message): "transfer failed (curl \(code)): \(message)"
        }
    }
}
