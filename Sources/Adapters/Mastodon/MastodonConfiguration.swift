import Foundation
import PeerBot

/// `[mastodon]`: the bot's account on a Mastodon instance.
///
/// Members reach the bot by mentioning its account; it answers with direct
/// statuses. Pages to facilitators go wherever `[escalation]` says: the
/// destination `mastodon:direct` is a direct status mentioning the page's
/// facilitators (or, when the page names none on Mastodon, every account in
/// `facilitators`).
public struct MastodonConfiguration: Sendable {
    /// Run the Mastodon adapter under `peerbot run`. Default false.
    public var enabled = false
    /// The instance, `https://social.example` (plain `http://` only for
    /// 127.0.0.1/localhost, for tests). Required when enabled.
    public var instance: URL?
    /// The bot account's access token (scopes `read:notifications read:statuses
    /// write:statuses`), from `access_token = "${ENV}"` or `access_token_file`.
    /// Required when enabled; never logged.
    public var accessToken: String?
    /// Accounts with the facilitator role: ids, `@user` (this instance) or `@user@domain`.
    public var facilitators = MastodonAccountList()
    /// Accounts with the admin role (same forms).
    public var admins = MastodonAccountList()
    /// When not empty, only these accounts and domains are answered; mentions
    /// from anyone else are ignored. Default: everyone.
    public var allow = MastodonAccountList()
    /// Use the streaming API; false polls only. Default true.
    public var streaming = true
    /// How often mentions are polled when streaming is off or unavailable. Default 60 s.
    public var pollInterval: TimeInterval = 60
    /// On the very first start (no saved position), mentions younger than this
    /// are answered; older ones are not replayed. Default 1 hour.
    public var firstStartCatchUp: TimeInterval = 3600

    /// The channel id of the facilitators' destination on Mastodon: `mastodon:direct`.
    public static let facilitatorsChannelID = MastodonDestination.facilitatorsID

    public init() {}

    public init(reader: ConfigReader) throws(ConfigError) {
        enabled = try reader.bool("mastodon.enabled", default: enabled)
        if let text = try reader.string("mastodon.instance") {
            instance = try Self.instanceURL(text, path: reader.path)
        }
        facilitators = try Self.accounts("mastodon.facilitators", reader: reader, allowDomains: false)
        admins = try Self.accounts("mastodon.admins", reader: reader, allowDomains: false)
        allow = try Self.accounts("mastodon.allow", reader: reader, allowDomains: true)
        streaming = try reader.bool("mastodon.streaming", default: streaming)
        pollInterval = try reader.duration("mastodon.poll_interval", default: pollInterval)
        guard (5...3600).contains(pollInterval) else {
            throw .invalidValue(path: reader.path, key: "mastodon.poll_interval", message: "expected 5s to 1h, found \(Int(pollInterval))s")
        }
        firstStartCatchUp = try reader.duration("mastodon.first_start_catch_up", default: firstStartCatchUp)
        guard enabled else {
            // A disabled section may name a variable that is not set here.
            reader.markKnown("mastodon.access_token")
            reader.markKnown("mastodon.access_token_file")
            return
        }
        guard instance != nil else {
            throw .missingKey(
                path: reader.path, key: "mastodon.instance", hint: "the address of the bot's instance, e.g. \"https://social.example\"")
        }
        accessToken = try reader.requiredSecret(
            "mastodon.access_token", hint: "the bot account's access token; see docs/admin-mastodon.md")
    }

    /// The role of an account, from the `admins` and `facilitators` lists.
    public func role(of account: MastodonAccount, localDomain: String) -> Role {
        if admins.contains(account, localDomain: localDomain) { return .admin }
        if facilitators.contains(account, localDomain: localDomain) { return .facilitator }
        return .member
    }

    /// Validates `https://host[:port]` (or `http://` on loopback) and drops a trailing `/`.
    static func instanceURL(_ text: String, path: String) throws(ConfigError) -> URL {
        let key = "mastodon.instance"
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty
        else {
            throw .invalidValue(path: path, key: key, message: "expected an address such as \"https://social.example\", found \"\(text)\"")
        }
        guard scheme == "https" || (scheme == "http" && MastodonEndpoints.isLoopback(host)) else {
            throw .invalidValue(
                path: path, key: key,
                message: "use https:// (the token travels with every request); plain http:// is accepted only for 127.0.0.1 or localhost")
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil,
            components.user == nil, components.password == nil
        else {
            throw .invalidValue(path: path, key: key, message: "expected only the instance's address, such as \"https://social.example\"")
        }
        var clean = URLComponents()
        clean.scheme = scheme
        clean.host = host
        clean.port = components.port
        guard let url = clean.url else {
            throw .invalidValue(path: path, key: key, message: "\"\(text)\" is not a valid address")
        }
        return url
    }

    private static func accounts(_ key: String, reader: ConfigReader, allowDomains: Bool) throws(ConfigError) -> MastodonAccountList {
        var patterns: [MastodonAccountPattern] = []
        for (index, entry) in try reader.strings(key).enumerated() {
            guard let pattern = MastodonAccountPattern(parsing: entry, allowDomain: allowDomains) else {
                let forms = allowDomains
                    ? "an account id, \"@user\", \"@user@domain\" or a domain such as \"example.org\""
                    : "an account id, \"@user\" or \"@user@domain\""
                throw .invalidValue(path: reader.path, key: "\(key)[\(index)]", message: "expected \(forms), found \"\(entry)\"")
            }
            patterns.append(pattern)
        }
        return MastodonAccountList(patterns)
    }
}
