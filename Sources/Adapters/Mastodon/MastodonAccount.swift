/// The fields of a Mastodon `Account` the adapter reads
/// (docs.joinmastodon.org/entities/Account/). Unknown fields are ignored.
public struct MastodonAccount: Codable, Sendable, Equatable {
    /// The account id, stable for the life of the account on this instance.
    public var id: String
    /// The username, without the domain.
    public var username: String
    /// `username` for local accounts, `username@domain` for remote ones.
    public var acct: String
    /// The profile page; mention links in status HTML point here.
    public var url: String?
    /// True when the account is marked "This is a bot account".
    public var bot: Bool

    public init(id: String, username: String, acct: String, url: String? = nil, bot: Bool = false) {
        self.id = id
        self.username = username
        self.acct = acct
        self.url = url
        self.bot = bot
    }

    enum CodingKeys: String, CodingKey {
        case id, username, acct, url, bot
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        username = try container.decode(String.self, forKey: .username)
        acct = try container.decode(String.self, forKey: .acct)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        // Required by the spec, but older servers and other software omit it.
        bot = try container.decodeIfPresent(Bool.self, forKey: .bot) ?? false
    }

    /// `username@domain`, with `localDomain` added for local accounts: the form
    /// that mentions the account from any instance.
    public func fullAcct(localDomain: String) -> String {
        MastodonAcct.full(acct, localDomain: localDomain)
    }

    /// The domain of the account's home instance.
    public func domain(localDomain: String) -> String {
        MastodonAcct.domain(of: acct, localDomain: localDomain)
    }
}

/// A mention inside a status (docs.joinmastodon.org/entities/Status/#Mention).
public struct MastodonMention: Decodable, Sendable, Equatable {
    /// The mentioned account's id.
    public var id: String
    public var username: String
    /// `username` for local accounts, `username@domain` for remote ones.
    public var acct: String
    /// The mentioned account's profile URL (the `href` of the mention link).
    public var url: String

    public init(id: String, username: String, acct: String, url: String) {
        self.id = id
        self.username = username
        self.acct = acct
        self.url = url
    }
}
