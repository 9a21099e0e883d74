@testable import Adapters
import Foundation
import Testing

/// The recorded REST responses decode into the adapter's models.
@Suite struct MastodonPayloadTests {
    @Test func instanceV2() throws {
        let recorded = try Cassettes.interaction("test_instance.yaml", uriContaining: "/api/v2/instance")
        let instance = try JSONDecoder().decode(MastodonInstance.self, from: Data(recorded.body.utf8))
        #expect(instance.domain == "localhost:3000")
        #expect(instance.streamingURL == "ws://localhost:4000")
        #expect(instance.maxCharacters == 500)
        #expect(instance.charactersReservedPerURL == 23)
    }

    @Test func instanceV1() throws {
        let recorded = try Cassettes.interaction("test_instance_v1.yaml", uriContaining: "/api/v1/instance")
        let instance = try JSONDecoder().decode(MastodonInstance.self, from: Data(recorded.body.utf8))
        #expect(instance.domain == "localhost:3000")
        #expect(instance.streamingURL == "ws://localhost:4000")
        #expect(instance.maxCharacters == 500)
    }

    @Test func instanceLimitsAreReadAndDefaulted() throws {
        let custom = #"{"domain":"big.example","configuration":{"urls":{"streaming":"wss://big.example"},"statuses":{"max_characters":5000,"characters_reserved_per_url":30}}}"#
        let big = try JSONDecoder().decode(MastodonInstance.self, from: Data(custom.utf8))
        #expect(big.maxCharacters == 5000)
        #expect(big.charactersReservedPerURL == 30)
        let bare = try JSONDecoder().decode(MastodonInstance.self, from: Data(#"{"uri":"https://old.example"}"#.utf8))
        #expect(bare.domain == "old.example")
        #expect(bare.streamingURL == nil)
        #expect(bare.maxCharacters == 500)
        let pleroma = try JSONDecoder().decode(MastodonInstance.self, from: Data(#"{"uri":"p.example","max_toot_chars":5000}"#.utf8))
        #expect(pleroma.maxCharacters == 5000)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MastodonInstance.self, from: Data("{}".utf8)) }
    }

    @Test func verifyCredentialsAndAccount() throws {
        let recorded = try Cassettes.interaction("test_account.yaml", uriContaining: "verify_credentials")
        let account = try JSONDecoder().decode(MastodonAccount.self, from: Data(recorded.body.utf8))
        #expect(account.id == "117440810532227399")
        #expect(account.acct == "mastodonpy_test")
        #expect(account.url == "http://localhost:3000/@mastodonpy_test")
        #expect(account.fullAcct(localDomain: "localhost:3000") == "mastodonpy_test@localhost:3000")
    }

    @Test func postedDirectStatus() throws {
        let recorded = try Cassettes.interaction("test_status_post[None-direct].yaml", uriContaining: "/api/v1/statuses", method: "POST")
        let status = try JSONDecoder().decode(MastodonStatus.self, from: Data(recorded.body.utf8))
        #expect(status.id == "117440831215234204")
        #expect(status.visibility == "direct")
        #expect(status.inReplyToID == nil)
    }
}

@Suite struct MastodonLossyListTests {
    @Test func anUndecodableNotificationIsSkippedNotFatal() throws {
        let json = #"""
            [{"id":"3","type":"mention","created_at":"2026-01-01T00:00:00Z","account":{"id":"1","username":"a","acct":"a"}},
             {"id":"2","type":"mention"},
             42,
             {"id":"1","type":"follow","created_at":"2026-01-01T00:00:00Z","account":{"id":"1","username":"a","acct":"a"}}]
            """#
        let list = try JSONDecoder().decode(MastodonLossyList<MastodonNotification>.self, from: Data(json.utf8))
        #expect(list.elements.map(\.id) == ["3", "1"])
        #expect(list.skipped == 2)
    }
}
