import Adapters
import Foundation
import PeerBot
import Testing

/// An account whose acct only looks like a configured facilitator's is a
/// member: another script's letters, a full-width letter, or U+212A KELVIN
/// SIGN (which Swift's `lowercased()` turns into "k").
@Suite struct MastodonLookAlikeRoleTests {
    static func account(_ acct: String) -> MastodonAccount {
        MastodonAccount(id: "4242", username: String(acct.split(separator: "@").first ?? ""), acct: acct, url: "https://social.example/@x")
    }

    @Test func lookAlikeAcctsGetNoRole() {
        var configuration = MastodonConfiguration()
        configuration.facilitators = MastodonAccountList([.account("kim"), .account("sam@other.example")])
        configuration.admins = MastodonAccountList([.account("ada")])
        let role = { (acct: String) in configuration.role(of: Self.account(acct), localDomain: "social.example") }
        #expect(role("kim") == .facilitator)
        #expect(role("KIM@social.example") == .facilitator)  // case and the local domain do not matter
        #expect(role("sam@other.example") == .facilitator)
        #expect(role("ada") == .admin)
        #expect(role("\u{212A}im") == .member)  // KELVIN SIGN
        #expect(role("\u{212A}IM@social.example") == .member)
        #expect(role("\u{441}am@other.example") == .member)  // Cyrillic с
        #expect(role("sam@\u{43E}ther.example") == .member)  // Cyrillic о in the domain
        #expect(role("\u{FF41}da") == .member)  // full-width ａ
        #expect(role("sam") == .member)  // the same name on another instance is another person
        #expect(role("sam@other.example.evil") == .member)
    }
}
