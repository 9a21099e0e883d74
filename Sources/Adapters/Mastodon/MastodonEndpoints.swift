import Foundation

/// The URLs the adapter calls, built from the instance's address.
public struct MastodonEndpoints: Sendable, Equatable {
    /// `https://social.example` (no trailing slash).
    public let instance: URL

    public init(instance: URL) {
        self.instance = instance
    }

    /// `path` (with its query) relative to the instance; nil when it does not form a URL.
    public func url(_ path: String) -> URL? {
        URL(string: instance.absoluteString + path)
    }

    /// `GET /api/v2/instance` (Mastodon 4.0+), falling back to `/api/v1/instance`.
    public var instanceV2: URL? { url("/api/v2/instance") }
    public var instanceV1: URL? { url("/api/v1/instance") }
    /// `GET /api/v1/accounts/verify_credentials`: who the token belongs to.
    public var verifyCredentials: URL? { url("/api/v1/accounts/verify_credentials") }
    /// `POST /api/v1/statuses`.
    public var statuses: URL? { url("/api/v1/statuses") }

    /// `GET /api/v1/accounts/:id`.
    public func account(_ id: String) -> URL? {
        guard MastodonID.isValid(id) else { return nil }
        return url("/api/v1/accounts/\(id)")
    }

    /// The streaming WebSocket for the bot's notifications:
    /// `…/api/v1/streaming?stream=user:notification` (docs.joinmastodon.org/methods/streaming/#websocket),
    /// on the instance's advertised streaming base, or on the instance itself.
    /// nil when the base is not `wss://` (or `ws://` on loopback): the token must not travel in clear.
    public func streaming(base advertised: String?) -> URL? {
        var components: URLComponents
        if let advertised, let parsed = URLComponents(string: advertised), parsed.host != nil {
            components = parsed
        } else if let own = URLComponents(url: instance, resolvingAgainstBaseURL: false) {
            components = own
        } else {
            return nil
        }
        switch components.scheme?.lowercased() {
        case "https", "wss":
            components.scheme = "wss"
        case "http", "ws":
            guard let host = components.host, Self.isLoopback(host) else { return nil }
            components.scheme = "ws"
        default:
            return nil
        }
        let basePath = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = basePath + "/api/v1/streaming"
        components.percentEncodedQuery = "stream=user:notification"
        components.fragment = nil
        return components.url
    }

    /// True for 127.0.0.0/8, ::1 and localhost: where plain http:// and ws:// are allowed (tests).
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}
