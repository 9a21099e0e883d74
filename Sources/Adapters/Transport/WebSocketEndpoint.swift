import Foundation

/// A `ws://` or `wss://` URL split the way libwebsockets wants it.
struct WebSocketEndpoint: Sendable, Equatable {
    var host: String
    var port: Int
    var path: String
    var secure: Bool

    /// The `Host` header: the host, with the port when it is not the scheme's default.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (secure ? 443 : 80) ? name : "\(name):\(port)"
    }

    init(url: URL) throws(WebSocketError) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let scheme = components.scheme?.lowercased(), scheme == "ws" || scheme == "wss"
        else { throw WebSocketError.invalidRequest("the URL must start with ws:// or wss://") }
        guard let host = components.host, !host.isEmpty else {
            throw WebSocketError.invalidRequest("the URL has no host")
        }
        secure = scheme == "wss"
        self.host = host
        port = components.port ?? (secure ? 443 : 80)
        guard (1...65535).contains(port) else { throw WebSocketError.invalidRequest("the port is out of range") }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        guard !path.contains(where: { $0 == "\r" || $0 == "\n" || $0 == " " }) else {
            throw WebSocketError.invalidRequest("the path contains a forbidden character")
        }
        self.path = path
    }
}
