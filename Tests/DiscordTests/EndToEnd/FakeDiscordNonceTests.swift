import Adapters
import Foundation
import Testing

/// The fake Discord dedupes as Discord documents `enforce_nonce` (message.mdx,
/// Create Message): a nonce the same author used in the past few minutes
/// returns that message — in any channel — and creates nothing; without
/// `enforce_nonce`, or once the window has passed, a new message is created.
/// The crash-safety tests rely on this being faithful.
@Suite struct FakeDiscordNonceTests {
    func post(_ fake: FakeDiscord, channel: String, nonce: String, enforce: Bool = true) async throws -> String {
        let body = #"{"content":"hello","nonce":"\#(nonce)","enforce_nonce":\#(enforce)}"#
        let response = try await fake.http.send(
            .post(
                fake.apiBaseURL.appendingPathComponent("channels/\(channel)/messages"), body: Data(body.utf8),
                contentType: "application/json", headers: ["Authorization": "Bot \(FakeDiscord.token)"]))
        return try #require(try JSONValue.parse(response.body)["id"]?.string)
    }

    @Test func aRepeatedNonceReturnsTheMessageAlreadyCreatedWithinTheWindow() async throws {
        let fake = try await FakeDiscord.start()
        let first = try await post(fake, channel: Payloads.channel, nonce: "n-1")
        #expect(try await post(fake, channel: Payloads.channel, nonce: "n-1") == first)
        #expect(try await post(fake, channel: Payloads.facilitatorChannel, nonce: "n-1") == first, "same author, any channel")
        #expect(try await post(fake, channel: Payloads.channel, nonce: "n-1", enforce: false) != first)
        #expect(try await post(fake, channel: Payloads.channel, nonce: "n-2") != first)
        try await fake.configure(#"{"nonce_window": 0}"#)
        #expect(try await post(fake, channel: Payloads.channel, nonce: "n-1") != first, "the window has passed")
        #expect(try await fake.messages(in: Payloads.channel).count == 4)
        #expect(try await fake.messages(in: Payloads.facilitatorChannel).isEmpty)
        await fake.stop()
    }
}
