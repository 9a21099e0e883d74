/// One entry of an account list in `[mastodon]` (`facilitators`, `admins`, `allow`).
///
/// Written as an account id (`109876543210987654`), an account with a leading
/// `@` (`@sam` on the bot's own instance, `@sam@other.example` elsewhere), or —
/// in `allow` only — a bare domain (`other.example`) for every account there.
public enum MastodonAccountPattern: Sendable, Hashable, CustomStringConvertible {
    case id(String)
    /// A normalized acct (lowercased, no leading `@`; `username@domain` when written with a domain).
    case account(String)
    /// A lowercased domain.
    case domain(String)

    /// Reads one entry; nil when it is none of the forms (or a domain where `allowDomain` is false).
    public init?(parsing text: String, allowDomain: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if MastodonID.isNumeric(trimmed), trimmed.count <= MastodonID.maximumLength {
            self = .id(trimmed)
        } else if trimmed.hasPrefix("@"), MastodonAcct.isAcct(trimmed) {
            self = .account(String(trimmed.dropFirst()).lowercased())
        } else if allowDomain, MastodonAcct.isDomain(trimmed), trimmed.contains(".") || trimmed.contains(":") || trimmed == "localhost" {
            self = .domain(trimmed.lowercased())
        } else {
            return nil
        }
    }

    /// True when `account` is this entry; `localDomain` is the bot's instance's domain.
    public func matches(_ account: MastodonAccount, localDomain: String) -> Bool {
        switch self {
        case .id(let id):
            return account.id == id
        case .account(let acct):
            // Usernames and domains are ASCII: an acct with anything else is no configured
            // account. Compared byte by byte, since Swift's `lowercased()` and `==` would
            // take look-alikes such as U+212A KELVIN SIGN for "k".
            guard MastodonAcct.isAcct(account.acct) else { return false }
            return MastodonAcct.normalized(acct, localDomain: localDomain).utf8
                .elementsEqual(MastodonAcct.normalized(account.acct, localDomain: localDomain).utf8)
        case .domain(let domain):
            return account.domain(localDomain: localDomain) == domain
        }
    }

    public var description: String {
        switch self {
        case .id(let id): id
        case .account(let acct): "@" + acct
        case .domain(let domain): domain
        }
    }
}

/// A list of `MastodonAccountPattern`s.
public struct MastodonAccountList: Sendable, Equatable {
    public var patterns: [MastodonAccountPattern]

    public init(_ patterns: [MastodonAccountPattern] = []) {
        self.patterns = patterns
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// The accounts as member keys for `[escalation]` mentions: `mastodon:<id>`
    /// or `mastodon:@user@domain` (domains are not members).
    public var memberKeys: [String] {
        patterns.compactMap { pattern in
            switch pattern {
            case .id(let id): "mastodon:\(id)"
            case .account(let acct): "mastodon:@\(acct)"
            case .domain: nil
            }
        }
    }

    /// True when any entry matches `account`.
    public func contains(_ account: MastodonAccount, localDomain: String) -> Bool {
        patterns.contains { $0.matches(account, localDomain: localDomain) }
    }
}
