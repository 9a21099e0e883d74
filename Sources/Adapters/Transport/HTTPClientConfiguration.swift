/// Settings of an `HTTPClient`. Defaults suit a bot talking to a few APIs.
public struct HTTPClientConfiguration: Sendable {
    /// How proxies are chosen.
    public enum Proxy: Sendable, Equatable {
        /// As curl does: `http_proxy`, `https_proxy`, `all_proxy` and `no_proxy` from the environment.
        case environment
        /// Never use a proxy, whatever the environment says.
        case none
        /// Always this proxy URL (e.g. `http://proxy:3128`, `socks5h://…`).
        case url(String)
    }

    /// Time allowed to establish a connection (TCP and TLS). Default 10 s.
    public var connectTimeout: Duration = .seconds(10)
    /// Time allowed for a whole request, connect included. Default 30 s; `HTTPRequest.timeout` overrides it.
    public var requestTimeout: Duration = .seconds(30)
    /// A PEM file of CA certificates to trust instead of the system store (tests, private CAs).
    /// Verification itself is always on.
    public var caFile: String?
    /// Follow 3xx redirects. Off by default: API clients should see them.
    public var followRedirects = false
    /// The most redirects followed when `followRedirects` is on.
    public var maxRedirects = 5
    /// The largest response body accepted, in bytes. Default 16 MiB.
    public var maxResponseBytes = 16 << 20
    /// Connections kept per host; further concurrent requests queue. Default 16.
    public var maxConnectionsPerHost = 16
    /// Connections kept in total. Default 64.
    public var maxConnections = 64
    /// The proxy policy. Default: from the environment, as curl does.
    public var proxy: Proxy = .environment
    /// The `User-Agent` header sent when a request sets none.
    public var userAgent = "PeerBot"

    public init() {}
}
