import Foundation

/// One REST endpoint with its parameters filled in. The template uses the
/// OpenAPI spec's parameter names, so tests can look each request up there.
///
/// Rate limits (rate-limits.mdx): limits are per route and per top-level
/// resource ("major parameter": channel, guild, webhook id + token), so the
/// limiter key is the method and template, and its scope the major parameter.
public struct DiscordRoute: Sendable, Equatable, CustomStringConvertible {
    public var method: String
    /// The path template, e.g. `/channels/{channel_id}/messages`.
    public var template: String
    /// Path parameter values by name.
    public var parameters: [String: String]
    /// The top-level resource the limit is counted per.
    public var majorParameter: String?
    /// Interaction endpoints are not bound to the global rate limit
    /// (rate-limits.mdx "Global Rate Limit"; receiving-and-responding.mdx "Endpoints").
    public var exemptFromGlobalLimit: Bool

    public init(_ method: String, _ template: String, _ parameters: [String: String] = [:], major: String? = nil, exemptFromGlobalLimit: Bool = false) {
        self.method = method
        self.template = template
        self.parameters = parameters
        majorParameter = major
        self.exemptFromGlobalLimit = exemptFromGlobalLimit
    }

    /// The key the rate limiter counts this route under.
    public var limiterRoute: String { "\(method) \(template)" }

    /// The path with every parameter percent-encoded into its segment.
    public var path: String {
        var result = template
        for (name, value) in parameters {
            result = result.replacingOccurrences(of: "{\(name)}", with: Self.encodeSegment(value))
        }
        return result
    }

    /// The template with secrets (interaction and webhook tokens) left as placeholders; safe to log.
    public var description: String { "\(method) \(template)" }

    /// Percent-encodes one path segment: everything but RFC 3986 unreserved characters.
    static func encodeSegment(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
