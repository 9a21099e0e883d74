import Foundation

/// A REST request to Discord before it meets the network: route, query and
/// JSON body. Built by the static factories in `DiscordRequest+Endpoints`.
public struct DiscordRequest: Sendable {
    public var route: DiscordRoute
    public var query: [URLQueryItem]
    /// The JSON body, or nil.
    public var body: Data?
    /// True when a retry cannot post twice: reads, idempotent PUTs, callbacks
    /// (which fail rather than repeat), and message creates carrying an enforced nonce.
    public var isIdempotent: Bool

    public init(route: DiscordRoute, query: [URLQueryItem] = [], body: Data? = nil, isIdempotent: Bool) {
        self.route = route
        self.query = query
        self.body = body
        self.isIdempotent = isIdempotent
    }

    /// The full URL under `base` (e.g. `https://discord.com/api/v10`).
    public func url(base: URL) -> URL? {
        let basePath = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        guard var components = URLComponents(string: basePath + route.path) else { return nil }
        if !query.isEmpty { components.queryItems = query }
        return components.url
    }

    /// Encodes `value` as a JSON body.
    static func json<T: Encodable>(_ value: T) -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try? encoder.encode(value)
    }
}
