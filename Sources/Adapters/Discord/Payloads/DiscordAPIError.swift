/// The JSON body of a failed REST request (opcodes-and-status-codes.mdx
/// "JSON Error Codes"; rate-limits.mdx "Rate Limit Response Structure").
public struct DiscordAPIError: Decodable, Sendable, Equatable {
    public var code: Int?
    public var message: String?
    /// Seconds to wait, on a 429.
    public var retryAfter: Double?
    /// True when a 429 is the global limit.
    public var global: Bool?

    enum CodingKeys: String, CodingKey {
        case code, message, global
        case retryAfter = "retry_after"
    }
}
