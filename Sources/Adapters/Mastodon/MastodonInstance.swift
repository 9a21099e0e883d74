import Foundation

/// What the adapter reads from the instance endpoint at start: the WebFinger
/// domain, the streaming URL and the status length limit.
///
/// Decodes both `GET /api/v2/instance` (docs.joinmastodon.org/entities/Instance/:
/// `domain`, `configuration.urls.streaming`, `configuration.statuses.max_characters`)
/// and the older `GET /api/v1/instance` (entities/V1_Instance/: `uri`,
/// `urls.streaming_api`, `configuration.statuses.max_characters` since 3.4.2;
/// `max_toot_chars` on some other servers).
public struct MastodonInstance: Decodable, Sendable, Equatable {
    /// The length limit when the instance does not say (Mastodon's default).
    public static let defaultMaxCharacters = 500
    /// What a URL counts as in a status when the instance does not say.
    public static let defaultCharactersReservedPerURL = 23

    /// The WebFinger domain: the `@domain` of local accounts.
    public var domain: String
    /// The streaming API's base URL (`wss://streaming.example.org`), when given.
    public var streamingURL: String?
    /// The longest status, in characters.
    public var maxCharacters: Int
    /// What each URL counts for in a status's length.
    public var charactersReservedPerURL: Int

    public init(
        domain: String, streamingURL: String?, maxCharacters: Int = Self.defaultMaxCharacters,
        charactersReservedPerURL: Int = Self.defaultCharactersReservedPerURL
    ) {
        self.domain = domain
        self.streamingURL = streamingURL
        self.maxCharacters = maxCharacters
        self.charactersReservedPerURL = charactersReservedPerURL
    }

    private struct Keys: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static func named(_ name: String) -> Keys { Keys(stringValue: name) }
    }

    public init(from decoder: any Decoder) throws {
        let root = try decoder.container(keyedBy: Keys.self)
        let v2Domain = try root.decodeIfPresent(String.self, forKey: .named("domain"))
        guard let domain = try v2Domain ?? root.decodeIfPresent(String.self, forKey: .named("uri")) else {
            throw DecodingError.keyNotFound(
                Keys.named("domain"), .init(codingPath: root.codingPath, debugDescription: "neither domain (v2) nor uri (v1)"))
        }
        self.domain = Self.bareDomain(domain)
        let configuration = try? root.nestedContainer(keyedBy: Keys.self, forKey: .named("configuration"))
        let statuses = try? configuration?.nestedContainer(keyedBy: Keys.self, forKey: .named("statuses"))
        let v2Streaming = try? configuration?.nestedContainer(keyedBy: Keys.self, forKey: .named("urls"))
            .decodeIfPresent(String.self, forKey: .named("streaming"))
        let v1Streaming = try? root.nestedContainer(keyedBy: Keys.self, forKey: .named("urls"))
            .decodeIfPresent(String.self, forKey: .named("streaming_api"))
        streamingURL = (v2Streaming ?? v1Streaming).flatMap { $0.isEmpty ? nil : $0 }
        let limit =
            (try? statuses?.decodeIfPresent(Int.self, forKey: .named("max_characters")))
            ?? (try? root.decodeIfPresent(Int.self, forKey: .named("max_toot_chars")))
        // A limit below a mention and a few words is nonsense; keep the default then.
        maxCharacters = limit.flatMap { $0 >= 100 ? $0 : nil } ?? Self.defaultMaxCharacters
        let reserved = try? statuses?.decodeIfPresent(Int.self, forKey: .named("characters_reserved_per_url"))
        charactersReservedPerURL = reserved.flatMap { (1...1000).contains($0) ? $0 : nil } ?? Self.defaultCharactersReservedPerURL
    }

    /// v1's `uri` was once a full URL on some servers; keep only the host (and port).
    private static func bareDomain(_ text: String) -> String {
        if let url = URL(string: text), let host = url.host, url.scheme != nil {
            return url.port.map { "\(host):\($0)" } ?? host
        }
        return text
    }
}
