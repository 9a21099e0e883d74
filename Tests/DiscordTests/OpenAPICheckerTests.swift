import Foundation
import Testing

/// The checker itself: it must reject what Discord would, or the spec tests prove nothing.
@Suite struct OpenAPICheckerTests {
    let checker: OpenAPIChecker

    init() throws {
        checker = try #require(SpecCheck.checker)
    }

    @Test func matchesTemplatesPreferringLiteralSegments() {
        #expect(checker.template(for: "/channels/123/messages") == "/channels/{channel_id}/messages")
        #expect(checker.template(for: "/users/@me/channels") == "/users/@me/channels")
        #expect(checker.template(for: "/webhooks/1/tok/messages/@original") == "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
        #expect(checker.template(for: "/no/such/route") == nil)
    }

    @Test func acceptsAConformingMessage() {
        let body = #"{"content":"hi","nonce":"abc","enforce_nonce":true,"allowed_mentions":{"parse":[]}}"#
        #expect(checker.problems(method: "POST", path: "/channels/123/messages", body: Data(body.utf8)) == [])
    }

    @Test func rejectsUnknownPathsAndMethods() {
        #expect(checker.problems(method: "POST", path: "/channels/123/nothing", body: nil).count == 1)
        #expect(checker.problems(method: "PUT", path: "/channels/123/messages", body: Data("{}".utf8)).first?.contains("no PUT") == true)
    }

    @Test func rejectsMissingRequiredFieldsAndBadTypes() {
        // A callback without "type" (required), a command without "name".
        let callback = checker.problems(method: "POST", path: "/interactions/1/tok/callback", body: Data(#"{"data":{"content":"x"}}"#.utf8))
        #expect(callback.contains { $0.contains("\"type\" is missing") })
        let commands = checker.problems(method: "PUT", path: "/applications/1/commands", body: Data(#"[{"description":"x"}]"#.utf8))
        #expect(commands.contains { $0.contains("\"name\" is missing") })
        let wrongType = checker.problems(method: "POST", path: "/channels/1/messages", body: Data(#"{"content":5}"#.utf8))
        #expect(wrongType.contains { $0.contains("expected string") })
    }

    @Test func rejectsMisspeltFieldsTooLongValuesAndBadIds() {
        let misspelt = checker.problems(method: "POST", path: "/channels/1/messages", body: Data(#"{"content":"x","enforce_nonse":true}"#.utf8))
        #expect(misspelt.contains { $0.contains("enforce_nonse") })
        let longNonce = checker.problems(method: "POST", path: "/channels/1/messages", body: Data(#"{"content":"x","nonce":"12345678901234567890123456"}"#.utf8))
        #expect(!longNonce.isEmpty)
        let badID = checker.problems(method: "POST", path: "/channels/general/messages", body: Data(#"{"content":"x"}"#.utf8))
        #expect(badID.contains { $0.contains("path.channel_id") })
    }

    @Test func requiresTheBodyWhereTheSpecDoes() {
        #expect(checker.problems(method: "POST", path: "/channels/1/messages", body: nil).contains { $0.contains("required") })
        #expect(checker.problems(method: "GET", path: "/gateway/bot", body: Data("{}".utf8)).contains { $0.contains("takes none") })
    }
}
