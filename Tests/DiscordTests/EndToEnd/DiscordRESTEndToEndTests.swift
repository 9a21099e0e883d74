import Adapters
import Foundation
import PeerBot
import Testing

/// Interactions, rate limits, retries and deliveries through the real adapter and the fake Discord.
@Suite(.serialized) struct DiscordRESTEndToEndTests {
    func withRig(discordTOML: String = "", _ body: (DiscordRig) async throws -> Void) async throws {
        let fake = try await FakeDiscord.start()
        let rig = try DiscordRig(fake: fake, discordTOML: discordTOML)
        do {
            try await body(rig)
        } catch {
            await rig.shutdown()
            await fake.stop()
            throw error
        }
        await rig.shutdown()
        await fake.stop()
    }

    static let channel = ChannelRef(platform: .discord, space: Payloads.guild, id: Payloads.channel, name: "general")

    @Test func aSlashCommandIsAnsweredBeforeTheDeadlineAndPrivately() async throws {
        try await withRig { rig in
            try await rig.run {
                try await rig.fake.waitFor("READY") { DiscordGatewayEndToEndTests.ready($0) }
                try await rig.fake.dispatch(frame: Payloads.slashCommand(name: "help"))
                let records = try await rig.fake.waitFor("the interaction callback") { !$0.rest("POST", "/api/v10/interactions/").isEmpty }
                let callback = try #require(records.rest("POST", "/api/v10/interactions/").first)
                #expect(callback["path"]?.string == "/api/v10/interactions/900000000000000050/interaction-token-1/callback")
                #expect(callback["status"]?.int == 204, "answered inside the 3 seconds (the fake refuses later callbacks)")
                let body = try #require(callback.requestBody)
                #expect(body["type"] == .integer(4))
                #expect(body["data"]?["flags"] == .integer(64), "ephemeral")
                #expect(body["data"]?["content"]?.string?.contains("a bot (not a person)") == true)
                #expect(records.rest("POST", "/api/v10/channels/").isEmpty, "nothing posted in the channel")
            }
        }
    }

    @Test func aPublicAnswerToASlashCommandIsItsCallback() async throws {
        try await withRig { rig in
            try await rig.run {
                try await rig.fake.waitFor("READY") { DiscordGatewayEndToEndTests.ready($0) }
                try await rig.fake.dispatch(
                    frame: Payloads.slashCommand(
                        name: "resources", options: #"[{"name":"topic","type":3,"value":"crisis"},{"name":"region","type":3,"value":"US"}]"#))
                let records = try await rig.fake.waitFor("the callback") { !$0.rest("POST", "/api/v10/interactions/").isEmpty }
                let body = try #require(records.rest("POST", "/api/v10/interactions/").first?.requestBody)
                #expect(body["type"] == .integer(4))
                #expect(body["data"]?["flags"] == nil, "public, like the typed command's answer")
                #expect(body["data"]?["content"]?.string?.contains("988") == true)
            }
        }
    }

    @Test func aSlowAnswerIsDeferredAndThenEditsTheOriginal() async throws {
        // Deferring at once stands in for a core slower than the defer delay.
        try await withRig(discordTOML: "interaction_defer_ms = 0") { rig in
            try await rig.run {
                try await rig.fake.waitFor("READY") { DiscordGatewayEndToEndTests.ready($0) }
                try await rig.fake.dispatch(frame: Payloads.slashCommand(name: "help"))
                let records = try await rig.fake.waitFor("the answer") {
                    !$0.rest("PATCH", "/api/v10/webhooks/").isEmpty
                        || $0.rest("POST", "/api/v10/interactions/").contains { $0.requestBody?["type"] == .integer(4) }
                }
                let callback = try #require(records.rest("POST", "/api/v10/interactions/").first)
                #expect(callback["status"]?.int == 204)
                #expect(callback.requestBody?["data"]?["flags"] == .integer(64), "ephemeral, whether deferred or answered")
                if callback.requestBody?["type"] == .integer(5) {
                    let edit = try #require(records.rest("PATCH", "/api/v10/webhooks/800000000000000998/interaction-token-1/messages/@original").first)
                    #expect(edit.requestBody?["content"]?.string?.contains("a bot (not a person)") == true)
                }
            }
        }
    }

    @Test func buttonPressesBecomeCommandsAndAreAnswered() async throws {
        try await withRig { rig in
            try await rig.run {
                try await rig.fake.waitFor("READY") { DiscordGatewayEndToEndTests.ready($0) }
                try await rig.fake.dispatch(frame: Payloads.buttonPress(customID: "pb:checkin:4", inDM: true))
                try await rig.fake.dispatch(frame: Payloads.buttonPress(id: "900000000000000061", customID: "not-ours", token: "interaction-token-3"))
                let records = try await rig.fake.waitFor("both callbacks") { $0.rest("POST", "/api/v10/interactions/").count == 2 }
                let callbacks = records.rest("POST", "/api/v10/interactions/")
                let ours = try #require(callbacks.first { $0["path"]?.string?.contains("900000000000000060") == true })
                #expect(ours["status"]?.int == 204)
                #expect(ours.requestBody?["data"]?["flags"] == .integer(64), "a check-in answer is private")
                let unknown = try #require(callbacks.first { $0["path"]?.string?.contains("900000000000000061") == true })
                #expect(unknown.requestBody == .object(["type": .integer(6)]), "an unknown button is acknowledged silently")
            }
        }
    }

    @Test func aRateLimitedBucketWaitsRetryAfterAndRetriesOnce() async throws {
        try await withRig { rig in
            try await rig.fake.script(
                "POST", "/api/v10/channels/\\\\d+/messages", status: 429,
                headers: [
                    ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.5"),
                    ("X-RateLimit-Bucket", "fakebucket"), ("X-RateLimit-Scope", "user"), ("Retry-After", "1"),
                ],
                body: #"{"message": "You are being rate limited.", "retry_after": 0.5, "global": false}"#)
            let before = rig.adapter.health.rateLimitWaits
            let receipt = try await rig.adapter.perform(.send(channel: Self.channel, text: "Check-in circle starts in 10 minutes."), idempotencyKey: "pb-rate-1")
            #expect(rig.adapter.health.rateLimitWaits > before, "the 429 is counted for /metrics")
            let posts = try await rig.fake.records().rest("POST", "/api/v10/channels/")
            #expect(posts.map { $0["status"]?.int } == [429, 200], "one retry")
            #expect(posts[0].requestBody?["nonce"] == posts[1].requestBody?["nonce"])
            let waited = (posts[1]["time"].flatMap(Self.seconds) ?? 0) - (posts[0]["time"].flatMap(Self.seconds) ?? 0)
            #expect(waited >= 0.5, "waited retry_after before retrying (\(waited) s)")
            #expect(receipt.messageID != nil)
            #expect(rig.logs.all.contains { $0.text.contains("rate limited") && $0.text.contains("scope=user") })
            try await rig.checkEveryRequestAgainstTheSpec()
        }
    }

    @Test func serverErrorsAreRetriedWithTheSameNonceAndNothingPostsTwice() async throws {
        try await withRig { rig in
            try await rig.fake.script("POST", "/api/v10/channels/\\\\d+/messages", status: 502, body: #"{"message": "Bad Gateway"}"#)
            let first = try await rig.adapter.perform(.send(channel: Self.channel, text: "hello"), idempotencyKey: "pb-retry-1")
            // The outbox retries an entry with the same key: Discord returns the message already posted.
            let again = try await rig.adapter.perform(.send(channel: Self.channel, text: "hello"), idempotencyKey: "pb-retry-1")
            let posts = try await rig.fake.records().rest("POST", "/api/v10/channels/")
            #expect(posts.map { $0["status"]?.int } == [502, 200, 200])
            #expect(Set(posts.compactMap { $0.requestBody?["nonce"]?.string }).count == 1)
            #expect(posts.allSatisfy { $0.requestBody?["enforce_nonce"] == .bool(true) })
            #expect(posts.last?["deduplicated"] == .bool(true))
            #expect(first.messageID == again.messageID)
            try await rig.checkEveryRequestAgainstTheSpec()
        }
    }

    @Test func aRateLimitLongerThanTheInlineWaitGoesBackToTheOutbox() async throws {
        try await withRig { rig in
            try await rig.fake.script(
                "POST", "/api/v10/channels/\\\\d+/messages", status: 429, headers: [("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global")],
                body: #"{"message": "You are being rate limited.", "retry_after": 64.57, "global": true}"#)
            await #expect {
                try await rig.adapter.perform(.send(channel: Self.channel, text: "x"), idempotencyKey: "pb-long")
            } throws: { error in
                guard case .transient(let reason, let retryAfter)? = error as? DeliveryError else { return false }
                return reason.contains("rate limited (global)") && abs((retryAfter ?? 0) - 64.57) < 0.01
            }
        }
    }

    @Test func pagesPingOnlyWhomTheyMeanAndCarryButtons() async throws {
        try await withRig { rig in
            let facilitators = ChannelRef(platform: .discord, space: Payloads.guild, id: "800000000000000011")
            let text = "Ticket #3: @alice asked for a facilitator. note: \"@everyone <@&1> help\""
            _ = try await rig.adapter.perform(
                .page(channel: facilitators, text: text, mentions: [MemberRef(platform: .discord, id: Payloads.sam)], ticket: 3),
                idempotencyKey: "pb-page-1")
            _ = try await rig.adapter.perform(.page(channel: facilitators, text: text, mentions: [], ticket: 4), idempotencyKey: "pb-page-2")
            _ = try await rig.adapter.perform(.send(channel: facilitators, text: "@everyone <@\(Payloads.sam)>"), idempotencyKey: "pb-plain")
            let posts = try await rig.fake.records().rest("POST", "/api/v10/channels/800000000000000011/messages").compactMap(\.requestBody)
            #expect(posts.count == 3)
            #expect(posts[0]["content"]?.string?.hasPrefix("<@\(Payloads.sam)>\nTicket #3") == true)
            #expect(posts[0]["allowed_mentions"] == .object([
                "parse": .array([]), "users": .array([.string(Payloads.sam)]), "roles": .array([]), "replied_user": .bool(false),
            ]))
            #expect(posts[0]["components"]?[0]?["components"]?.array?.compactMap { $0["custom_id"]?.string } == ["pb:ack:3", "pb:resolve:3"])
            #expect(posts[0]["components"]?[0]?["components"]?.array?.compactMap { $0["label"]?.string } == ["Acknowledge", "Resolve"])
            #expect(posts[1]["content"]?.string?.hasPrefix("<@&\(Payloads.facilitatorRole)>") == true, "no one named: the facilitator role")
            #expect(posts[1]["allowed_mentions"]?["roles"] == .array([.string(Payloads.facilitatorRole)]))
            #expect(posts[1]["allowed_mentions"]?["users"] == .array([]))
            #expect(posts[2]["allowed_mentions"] == .object(["parse": .array([]), "replied_user": .bool(false)]), "nothing else ever pings")
            try await rig.checkEveryRequestAgainstTheSpec()
        }
    }

    @Test func privateRepliesGoByDirectMessageSplitAndWithCheckinButtons() async throws {
        try await withRig { rig in
            let sam = MemberRef(platform: .discord, id: Payloads.sam)
            let question = "How are you doing, 1–5 or a few words? Reply to me privately within 30 minutes; only you see it."
            _ = try await rig.adapter.perform(.replyPrivately(member: sam, text: question, origin: nil), idempotencyKey: "pb-dm-1")
            let long = (1...90).map { "Line \($0): " + String(repeating: "x", count: 40) }.joined(separator: "\n")
            _ = try await rig.adapter.perform(
                .replyPrivately(member: sam, text: long, origin: MessageOrigin(channel: Self.channel, messageID: "900000000000000001")),
                idempotencyKey: "pb-dm-2")
            let records = try await rig.fake.records()
            let dms = records.rest("POST", "/api/v10/users/@me/channels")
            #expect(dms.count == 1, "the DM channel is created once")
            #expect(dms.first?.requestBody?["recipient_id"] == .string(Payloads.sam))
            let posts = records.rest("POST", "/api/v10/channels/").filter { $0["path"]?.string?.contains(Payloads.channel) == false }
            #expect(posts.count == 1 + 3)
            #expect(posts[0].requestBody?["components"]?[0]?["components"]?.array?.compactMap { $0["custom_id"]?.string }
                == (1...5).map { "pb:checkin:\($0)" })
            let parts = posts.dropFirst().compactMap { $0.requestBody }
            #expect(parts.allSatisfy { ($0["content"]?.string?.utf16.count ?? 0) <= 2000 })
            #expect(Set(parts.compactMap { $0["nonce"]?.string }).count == 3)
            #expect(parts.compactMap { $0["content"]?.string }.joined(separator: "\n") == long)
            #expect(parts.allSatisfy { $0["components"] == nil })
            try await rig.checkEveryRequestAgainstTheSpec()
        }
    }

    @Test func reactionsAndRefusalsAreDelivered() async throws {
        try await withRig { rig in
            let receipt = try await rig.adapter.perform(
                .react(channel: Self.channel, messageID: "900000000000000070", emoji: "✅"), idempotencyKey: "pb-react")
            #expect(receipt.messageID == "900000000000000070")
            try await rig.fake.script("POST", "/api/v10/channels/\\\\d+/messages", status: 403, body: #"{"message": "Missing Permissions", "code": 50013}"#)
            await #expect(throws: DeliveryError.permanent("Discord refused the request (403, code 50013): Missing Permissions")) {
                try await rig.adapter.perform(.send(channel: Self.channel, text: "x"), idempotencyKey: "pb-403")
            }
            let put = try #require(try await rig.fake.records().rest("PUT").first)
            #expect(put["path"]?.string == "/api/v10/channels/\(Payloads.channel)/messages/900000000000000070/reactions/%E2%9C%85/@me")
            try await rig.checkEveryRequestAgainstTheSpec()
        }
    }

    static func seconds(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }
}
