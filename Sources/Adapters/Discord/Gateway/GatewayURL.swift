import Foundation

/// Gateway URLs with the API version and encoding in the query
/// (gateway.mdx "Connecting": pass `v` and `encoding` explicitly; "Preparing
/// to Resume": the resume URL takes the same query parameters).
public enum GatewayURL {
    /// The gateway API version this adapter speaks.
    public static let version = 10

    /// `url` with `v=10&encoding=json`, replacing any `v` or `encoding` it had
    /// and keeping other parameters; nil for a URL that is not ws:// or wss://.
    public static func versioned(_ url: URL) -> URL? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let scheme = components.scheme?.lowercased(), scheme == "ws" || scheme == "wss",
            components.host?.isEmpty == false
        else { return nil }
        if components.path.isEmpty { components.path = "/" }
        var items = (components.queryItems ?? []).filter { $0.name != "v" && $0.name != "encoding" }
        items.insert(contentsOf: [URLQueryItem(name: "v", value: String(version)), URLQueryItem(name: "encoding", value: "json")], at: 0)
        components.queryItems = items
        return components.url
    }
}
