import Adapters
import Foundation
import PeerBot
import Testing

/// `!facilitator` on Mastodon: a direct page to the facilitators, a private confirmation to the member.
@Suite(.serialized) struct MastodonEscalationTests {
    @Test func facilitatorRequestPagesByDirectMentionAndConfirmsPrivately() async throws {
        // Facilitators as the escalation section writes them: one by account id, one by acct.
        let harness = try await MastodonBotHarness(
            fakeArguments: ["--account", "sam=109000000000000042", "--account", "riley@other.example=109000000000000043"],
            configure: { $0.facilitators = MastodonAccountList([.account("sam"), .account("riley@other.example")]) },
            configureCore: { core in
                core.escalation.facilitators = ["mastodon:109000000000000042", "mastodon:@riley@other.example"]
            })
        let sam = try await harness.fake.account("sam")
        #expect(sam.id == "109000000000000042")
        try await harness.startStreaming()

        let request = try await harness.fake.mention("!facilitator rough night")
        try await harness.waitUntil("the page and the confirmation are posted") { try await harness.fake.statuses().count >= 2 }
        let statuses = try await harness.fake.statuses()
        #expect(statuses.allSatisfy { $0.status.visibility == "direct" })

        // The page: a direct status that mentions (and so reaches) exactly the facilitators.
        let page = try #require(statuses.first { $0.text.contains("Ticket #1") })
        #expect(page.text.hasPrefix("@sam @riley@other.example "))
        #expect(Set(page.status.mentions.map(\.acct)) == ["sam", "riley@other.example"])
        #expect(page.text.contains("asked for a facilitator"))
        #expect(page.text.contains("rough night"))
        #expect(page.status.inReplyToID == nil)

        // The confirmation: private to the member, in reply to their mention, with crisis lines.
        let confirmation = try #require(statuses.first { $0.status.inReplyToID == request.status?.id })
        #expect(confirmation.text.hasPrefix("@admin "))
        #expect(confirmation.status.mentions.map(\.acct) == ["admin"])
        #expect(!confirmation.text.contains("@sam"))

        // The page went out before the member was told (urgent lane, written first).
        let posts = try await harness.fake.requests().filter { $0.method == "POST" }
        #expect(posts.first?.param("status")?.contains("Ticket #1") == true)
        // sam's id was looked up once to write the mention.
        #expect(try await harness.fake.requests().filter { $0.path == "/api/v1/accounts/\(sam.id)" }.count == 1)

        // sam acknowledges by mentioning the bot: the role comes from [mastodon] facilitators.
        try await harness.fake.mention("!ack 1", from: "sam")
        try await harness.waitUntil("the member is told a facilitator has it") {
            try await harness.fake.statuses().contains { $0.text.hasPrefix("@admin ") && $0.text.contains("has seen your request #1") }
        }
        let told = try #require(try await harness.fake.statuses().first { $0.text.contains("has seen your request #1") })
        // The text names sam, but only the member receives it.
        #expect(told.status.mentions.map(\.acct) == ["admin"])
        #expect(harness.logs.all.contains { $0.message == "mastodon mention received" && $0.metadata["role"] == "facilitator" })
        #expect(try await harness.fake.statuses().allSatisfy { !$0.text.contains("only facilitators") })
        harness.expectTokenNeverLogged()
        await harness.stop()
    }
}
