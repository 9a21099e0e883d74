import Adapters
import Foundation
import PeerBot
import Testing

/// The real adapter over the real transport against the loopback fake Mastodon,
/// which serves responses recorded from real Mastodon servers.
@Suite(.serialized) struct MastodonAdapterTests {
    @Test func streamedResourcesMentionGetsADirectReplyInThreadNaming988() async throws {
        let harness = try await MastodonBotHarness()
        try await harness.startStreaming()

        let mention = try await harness.fake.mention("!resources crisis US")
        let thread = try await harness.waitForThread(answering: mention)
        // The answer is longer than the instance's 500 characters: a thread.
        #expect(thread.count == 2)
        #expect(thread.allSatisfy { $0.status.visibility == "direct" })
        // Every status mentions the member: a direct status reaches only those it mentions.
        #expect(thread.allSatisfy { $0.text.hasPrefix("@admin ") })
        #expect(thread.allSatisfy { $0.status.mentions.map(\.acct) == ["admin"] })
        #expect(thread.allSatisfy { $0.text.count <= 500 })
        #expect(thread.first?.text.contains("988 Suicide & Crisis Lifeline") == true)
        #expect(thread.enumerated().allSatisfy { index, status in status.text.hasSuffix("(\(index + 1)/2)") })
        // The first part answers the mention, each next part the one before.
        #expect(thread.first?.status.inReplyToID == mention.status?.id)
        // Each part carries its own Idempotency-Key.
        #expect(Set(thread.compactMap(\.idempotencyKey)).count == thread.count)
        // Nothing else was posted: the old recorded mention in the history is not answered on a first start.
        #expect(try await harness.fake.statuses().count == thread.count)
        let posts = try await harness.fake.requests().filter { $0.method == "POST" }
        #expect(posts.allSatisfy { $0.authorized && $0.param("visibility") == "direct" })
        harness.expectTokenNeverLogged()
        await harness.stop()
    }
}

extension MastodonAdapterTests {
    @Test func aMentionWhileTheStreamIsDownIsCaughtUpExactlyOnce() async throws {
        let harness = try await MastodonBotHarness()
        try await harness.startStreaming()
        // The first start read the recorded history (notification 21, weeks old: not answered).
        try await harness.waitUntil("the first catch-up saved its cursor") { try harness.notificationCursor() == "21" }
        let before = try await harness.fake.requests().count

        // The stream drops, the next two handshakes are refused, and a mention arrives meanwhile.
        try await harness.fake.dropStreams(refuse: 2)
        let missed = try await harness.fake.mention("!resources crisis US", stream: false)
        let thread = try await harness.waitForThread(answering: missed)
        #expect(thread.count == 2)
        #expect(thread.allSatisfy { $0.text.hasPrefix("@admin ") })

        let after = try await harness.fake.requests().dropFirst(before)
        // Backoff, then reconnect: two refused handshakes, one accepted, each with the token.
        let handshakes = after.filter { $0.method == "WEBSOCKET" }
        #expect(handshakes.count == 3)
        #expect(handshakes.allSatisfy { $0.authorized && $0.query == "stream=user:notification" })
        // The catch-up after the reconnect asked for mentions after the last one handled.
        let catchUp = after.first { $0.path == "/api/v1/notifications" }
        #expect(catchUp?.query == "types%5B%5D=mention&limit=40&min_id=21")
        try await harness.waitUntil("the cursor moved past the missed mention") { try harness.notificationCursor() == missed.id }

        // The same notification streamed again (a duplicate around a reconnect) is not handed on twice.
        try await harness.fake.replay(missed)
        let later = try await harness.fake.mention("!region")
        try await harness.waitForThread(answering: later)
        #expect(try await harness.fake.statuses().filter { $0.status.inReplyToID == missed.status?.id }.count == 1)
        #expect(try await harness.thread(answering: missed).count == 2)
        #expect(harness.logs.with(message: "mastodon duplicate notification skipped").count == 1)
        harness.expectTokenNeverLogged()
        await harness.stop()
    }

    @Test func a429WithARateLimitResetWaitsThenPostsOnce() async throws {
        let harness = try await MastodonBotHarness()
        try await harness.startStreaming()
        try await harness.fake.failStatusPosts(status: 429, resetIn: 2)
        let mention = try await harness.fake.mention("!region")
        let thread = try await harness.waitForThread(answering: mention)
        #expect(thread.count == 1)
        let posts = try await harness.fake.requests().filter { $0.method == "POST" && $0.path == "/api/v1/statuses" }
        #expect(posts.count == 2)
        // The retry is the same outbox entry: the same Idempotency-Key …
        #expect(posts.count == 2 && posts[0].idempotencyKey != nil && posts[0].idempotencyKey == posts[1].idempotencyKey)
        // … sent only once the window the 429 named (X-RateLimit-Reset, 2 s later) had reset.
        if posts.count == 2 { #expect(posts[1].time >= posts[0].time + 2 - 0.01) }
        #expect(try await harness.fake.statuses().count == 1)
        #expect(harness.logs.with(message: "mastodon rate limited (429)").count == 1)
        #expect(harness.adapter.health.rateLimitWaits >= 1, "the 429 is counted for /metrics")
        await harness.stop()
    }

    @Test func a5xxAfterTheStatusWasMadeNeverPostsTwice() async throws {
        let harness = try await MastodonBotHarness()
        try await harness.startStreaming()
        // The server makes the status, but the answer is lost (a 502 from a proxy).
        try await harness.fake.failStatusPosts(status: 502, afterCreate: true)
        let mention = try await harness.fake.mention("!region")
        try await harness.waitUntil("the post is retried") {
            try await harness.fake.requests().filter { $0.method == "POST" }.count == 2
        }
        let posts = try await harness.fake.requests().filter { $0.method == "POST" }
        #expect(posts[0].idempotencyKey == posts[1].idempotencyKey)
        // Mastodon answers the repeated key with the status it already made: one status.
        let answers = try await harness.fake.statuses().filter { $0.status.inReplyToID == mention.status?.id }
        #expect(answers.count == 1)
        try await harness.waitUntil("the entry is delivered") { try harness.store.read { try $0.outboxDepth() } == 0 }
        await harness.stop()
    }

    @Test func aMalformedFrameIsSkippedAndLogged() async throws {
        let harness = try await MastodonBotHarness()
        try await harness.startStreaming()
        try await harness.fake.frame("{not json")
        try await harness.fake.frame(#"{"stream":["user:notification"],"event":"notification","payload":"{\"id\":\"99\"}"}"#)
        try await harness.fake.frame(#"{"stream":["user"],"event":"update","payload":"{}"}"#)
        let mention = try await harness.fake.mention("!region")
        let thread = try await harness.waitForThread(answering: mention)
        #expect(thread.count == 1)
        let skipped = harness.logs.with(message: "mastodon stream frame skipped")
        #expect(skipped.map { $0.metadata["reason"] ?? "" } == ["not-an-envelope", "malformed-payload"])
        #expect(skipped.allSatisfy { $0.level == .warning })
        // Skipping a frame does not drop the stream.
        #expect(try await harness.fake.streams().connects == 1)
        await harness.stop()
    }

    @Test func longRepliesBecomeThreadsWithinTheInstanceLimit() async throws {
        let harness = try await MastodonBotHarness(fakeArguments: ["--max-characters", "200"])
        try await harness.startStreaming()
        let mention = try await harness.fake.mention("!resources crisis US")
        let thread = try await harness.waitForThread(answering: mention)
        #expect(thread.count >= 4)
        // The fake rejects (422) a status over its limit: every part fit.
        #expect(thread.allSatisfy { $0.text.hasPrefix("@admin ") && $0.status.visibility == "direct" })
        #expect(zip(thread.dropFirst(), thread).allSatisfy { next, previous in next.status.inReplyToID == previous.status.id })
        #expect(try await harness.fake.requests().filter { $0.method == "POST" }.count == thread.count)
        let joined = thread.map(\.text).joined(separator: " ")
        #expect(joined.contains("988 Suicide & Crisis Lifeline"))
        #expect(joined.contains("If you are in immediate danger"))
        await harness.stop()
    }

    @Test func pollingOnlyWhenTheInstanceHasNoStreaming() async throws {
        let harness = try await MastodonBotHarness(fakeArguments: ["--no-streaming"])
        harness.start()
        try await harness.waitUntil("the first poll") {
            try await harness.fake.requests().contains { $0.path == "/api/v1/notifications" }
        }
        let mention = try await harness.fake.mention("!region", stream: false)
        let thread = try await harness.waitForThread(answering: mention)
        #expect(thread.count == 1)
        #expect(try await harness.fake.requests().allSatisfy { $0.method != "WEBSOCKET" })
        #expect(harness.logs.with(message: "mastodon stream unavailable; polling").count == 1)
        await harness.stop()
    }

    @Test func aRejectedTokenStopsWithOneClearLine() async throws {
        let badToken = "wrong-token-0a9f7e"
        let harness = try await MastodonBotHarness(token: badToken)
        harness.start()
        await harness.waitForRuntimeToEnd()
        let fatal = harness.logs.all.filter { $0.level == .critical }
        #expect(fatal.count == 1)
        #expect(fatal.first?.message.contains("the access token was rejected (401)") == true)
        #expect(fatal.first?.message.contains("docs/admin-mastodon.md") == true)
        #expect(harness.adapter.health.state == .disconnected)
        // No retry loop on a bad token.
        #expect(try await harness.fake.requests().filter { $0.path.hasPrefix("/api/") }.count == 1)
        harness.expectTokenNeverLogged(badToken)
        await harness.stop()
    }

    @Test func mentionsFromBotAccountsAreIgnored() async throws {
        let harness = try await MastodonBotHarness()
        try await harness.startStreaming()
        let fromBot = try await harness.fake.mention("!region", from: "otherbot", bot: true)
        let fromMember = try await harness.fake.mention("!region")
        try await harness.waitForThread(answering: fromMember)
        #expect(try await harness.thread(answering: fromBot).isEmpty)
        #expect(harness.logs.with(message: "mastodon mention ignored").map { $0.metadata["reason"] } == ["bot account"])
        await harness.stop()
    }

    @Test func withoutTheProfileScopeTheBotLearnsItsAccountFromAMention() async throws {
        let harness = try await MastodonBotHarness(fakeArguments: ["--no-profile-scope"])
        try await harness.startStreaming()
        let mention = try await harness.fake.mention("!resources crisis US")
        let thread = try await harness.waitForThread(answering: mention)
        #expect(thread.first?.text.contains("988") == true)
        #expect(harness.logs.with(message: "mastodon: learned the bot's account from a mention").count == 1)
        let saved = try harness.store.read { try $0.cursor("mastodon:localhost:3000:own_account") }
        #expect(saved?.contains("\"acct\":\"mastodonpy_test\"") == true)
        await harness.stop()
    }
}

extension MastodonAdapterTests {
    @Test func anAnswerToADeletedStatusStillReachesTheMember() async throws {
        let harness = try await MastodonBotHarness()
        // Known before the bot starts: the mention is answered while its status is already gone.
        try await harness.fake.failStatusPosts(status: 503)
        try await harness.startStreaming()
        let mention = try await harness.fake.mention("!region")
        try await harness.waitUntil("the first attempt failed") {
            try await harness.fake.requests().contains { $0.method == "POST" }
        }
        try await harness.fake.delete(statusID: try #require(mention.status?.id))
        try await harness.waitUntil("the answer is posted") { try await harness.fake.statuses().count == 1 }
        let answer = try #require(try await harness.fake.statuses().first)
        #expect(answer.text.hasPrefix("@admin "))
        #expect(answer.status.inReplyToID == nil)
        #expect(answer.status.visibility == "direct")
        #expect(harness.logs.with(message: "mastodon: the status to reply to is gone; posting without in_reply_to_id").count == 1)
        await harness.stop()
    }
}

extension MastodonAdapterTests {
    @Test func aFailedCatchUpIsNeverSkipped() async throws {
        let harness = try await MastodonBotHarness()
        try await harness.startStreaming()
        try await harness.waitUntil("the first catch-up saved its cursor") { try harness.notificationCursor() == "21" }
        // The stream drops; a mention arrives meanwhile; the catch-up after the reconnect fails (502).
        try await harness.fake.failNotificationReads(count: 1)
        try await harness.fake.dropStreams()
        let missed = try await harness.fake.mention("!region", stream: false)
        // The adapter drops that connection and reconnects, and the next catch-up finds the mention.
        let thread = try await harness.waitForThread(answering: missed)
        #expect(thread.count == 1)
        #expect(harness.logs.with(message: "mastodon catch-up failed; reconnecting").count == 1)
        #expect(try await harness.fake.streams().connects >= 3)
        await harness.stop()
    }
}
