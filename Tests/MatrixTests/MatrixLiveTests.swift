import Foundation
import PeerBot
import Testing
@testable import Adapters

/// The Matrix adapter against a real Synapse on loopback: here in this
/// process, and through `peerbot run` (MatrixLiveTests+PeerBotRun). One
/// suite, run serially: the homeserver is shared and one test restarts it.
@Suite(.serialized, .timeLimit(.minutes(3))) struct MatrixLiveTests {
    @Test func aRetriedDeliveryNeverPostsTwice() async throws {
        let world = try await MatrixWorld.make()
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let bot = try InProcessBot(matrix: world.configuration(), http: world.http)
        bot.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: room)
        let action = OutboundAction.send(channel: ChannelRef(platform: .matrix, id: room), text: "once only")
        let first = try await bot.adapter.perform(action, idempotencyKey: "pb-retry-test")
        let again = try await bot.adapter.perform(action, idempotencyKey: "pb-retry-test")
        #expect(first.messageID == again.messageID)
        let other = try await bot.adapter.perform(action, idempotencyKey: "pb-another-entry")
        #expect(other.messageID != first.messageID)
        _ = try await world.member.waitForMessage(in: room, from: world.bot.userID, count: 2)
        #expect(await world.member.messages(in: room, from: world.bot.userID).map(\.eventID) == [first.messageID, other.messageID])
        await bot.stop()
    }

    @Test func privateRepliesUseOneDirectRoomRecordedInMDirect() async throws {
        let world = try await MatrixWorld.make()
        let bot = try InProcessBot(matrix: world.configuration(), http: world.http)
        bot.start()
        try await bot.waitUntilSignedIn()
        let member = MemberRef(platform: .matrix, id: world.member.userID)
        _ = try await bot.adapter.perform(.replyPrivately(member: member, text: "first, privately", origin: nil), idempotencyKey: "pb-dm-1")
        let dm = try await world.member.acceptInvite(from: world.bot.userID)
        _ = try await bot.adapter.perform(.replyPrivately(member: member, text: "second, same room", origin: nil), idempotencyKey: "pb-dm-2")
        _ = try await world.member.waitForMessage(in: dm, from: world.bot.userID, count: 2)
        #expect(await world.member.messages(in: dm, from: world.bot.userID).map(\.body) == ["first, privately", "second, same room"])
        #expect(await world.member.messages(in: dm, from: world.bot.userID).allSatisfy { $0["content"]?["msgtype"] == "m.notice" })
        let direct = try await world.bot.accountData("m.direct")
        #expect(direct?[world.member.userID]?.strings == [dm])
        await bot.stop()
    }

    @Test func aRealRateLimitIsReportedWithTheServersDelay() async throws {
        let world = try await MatrixWorld.make()
        try await world.admin.overrideRateLimit(of: world.bot.userID, messagesPerSecond: 1, burstCount: 1)
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let bot = try InProcessBot(matrix: world.configuration(), http: world.http)
        bot.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: room)
        let channel = ChannelRef(platform: .matrix, id: room)
        var limited: (key: String, error: DeliveryError)?
        for index in 0..<5 where limited == nil {
            do {
                _ = try await bot.adapter.perform(.send(channel: channel, text: "burst \(index)"), idempotencyKey: "pb-rate-\(index)")
            } catch let error as DeliveryError {
                limited = ("pb-rate-\(index)", error)
            }
        }
        guard let limited, case .transient(let reason, let retryAfter?) = limited.error else {
            Issue.record("expected a 429 to become a transient failure with the server's delay, got \(String(describing: limited))")
            return
        }
        #expect(reason.contains("M_LIMIT_EXCEEDED"))
        #expect(retryAfter > 0 && retryAfter <= 2)
        #expect(bot.adapter.health.rateLimitWaits >= 1, "the 429 is counted for /metrics")
        // The outbox waits what the server asked, then the same entry goes through.
        try await Task.sleep(for: .seconds(retryAfter + 0.25))
        let receipt = try await bot.adapter.perform(.send(channel: channel, text: "after the wait"), idempotencyKey: limited.key)
        #expect(receipt.messageID != nil)
        await bot.stop()
    }

    @Test func anEncryptedRoomIsDeclinedAndTheInviterToldOnce() async throws {
        let world = try await MatrixWorld.make()
        let bot = try InProcessBot(matrix: world.configuration(), http: world.http)
        bot.start()
        let secret = try await world.member.createRoom(name: "secret", invite: [world.bot.userID], encrypted: true)
        let dm = try await world.member.acceptInvite(from: world.bot.userID)
        let notice = try await world.member.waitForMessage(in: dm, from: world.bot.userID)
        #expect(notice.body.contains("end-to-end encrypted"))
        #expect(notice.body.contains("“secret”"))
        // Invited again: declined again, but not told twice. A later plain room still works.
        try await world.member.waitFor("the bot to decline") { $0.membership(of: world.bot.userID, in: secret) == "leave" ? true : nil }
        try await world.member.invite(world.bot.userID, to: secret)
        let plain = try await world.member.createRoom(name: "plain", invite: [world.bot.userID])
        try await world.member.waitForJoin(of: world.bot.userID, in: plain)
        try await world.member.send("!resources crisis US", to: plain)
        _ = try await world.member.waitForMessage(in: plain, from: world.bot.userID)
        #expect(await world.member.messages(in: dm, from: world.bot.userID).count == 1)
        #expect(bot.log.all.filter { $0.contains("end-to-end encrypted") }.count == 1)
        await bot.stop()
    }

    @Test func noticesFromOtherBotsAndInvitesFromStrangersAreIgnored() async throws {
        let world = try await MatrixWorld.make()
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID, world.facilitator.userID])
        var configuration = world.configuration()
        configuration.autoJoinFrom = [world.member.userID]
        let bot = try InProcessBot(matrix: configuration, http: world.http)
        bot.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: room)
        try await world.facilitator.join(room)
        try await world.facilitator.send("!resources crisis US", to: room, msgtype: "m.notice")
        try await world.member.send("!resources crisis GB", to: room)
        _ = try await world.member.waitForMessage(in: room, from: world.bot.userID)
        // Handled in order: had the notice been answered, its reply would have come first.
        #expect(await world.member.messages(in: room, from: world.bot.userID).map { $0.body.contains("GB") } == [true])
        let stranger = try await world.facilitator.createRoom(name: "elsewhere", invite: [world.bot.userID])
        try await world.facilitator.waitFor("the invite to be declined") { $0.membership(of: world.bot.userID, in: stranger) == "leave" ? true : nil }
        await bot.stop()
    }

    @Test func missedCommandsAreAnsweredOnceAfterAGapLongerThanABatch() async throws {
        let world = try await MatrixWorld.make()
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-gap-\(UUID().uuidString).sqlite").path
        let first = try InProcessBot(matrix: world.configuration(), http: world.http, databasePath: database)
        first.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: room)
        try await world.member.send("!resources crisis US", to: room)
        _ = try await world.member.waitForMessage(in: room, from: world.bot.userID)
        await first.stop()
        // While PeerBot is down: a command, then more messages than one sync batch carries.
        try await world.member.send("!resources crisis GB", to: room)
        for index in 0..<(MatrixSyncLoop.timelineLimit + 10) { try await world.member.send("chatter \(index)", to: room) }
        let second = try InProcessBot(matrix: world.configuration(), http: world.http, databasePath: database)
        second.start()
        _ = try await world.member.waitForMessage(in: room, from: world.bot.userID, count: 2)
        try await world.member.send("!resources crisis CA", to: room)
        _ = try await world.member.waitForMessage(in: room, from: world.bot.userID, count: 3)
        let replies = await world.member.messages(in: room, from: world.bot.userID).map(\.body)
        #expect(replies.count == 3)
        #expect(replies[1].contains("GB") && replies[2].contains("CA"))
        #expect(second.log.all.contains { $0.contains("filled a gap") })
        await second.stop()
    }

    @Test func aBatchCutShortByACrashIsReplayedSkippingWhatWasHandled() async throws {
        let world = try await MatrixWorld.make()
        let room = try await world.member.createRoom(name: "general", invite: [world.bot.userID])
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-replay-\(UUID().uuidString).sqlite").path
        let first = try InProcessBot(matrix: world.configuration(), http: world.http, databasePath: database)
        first.start()
        try await world.member.waitForJoin(of: world.bot.userID, in: room)
        await first.stop()
        let regions = ["US", "GB", "CA", "AU"]
        for region in regions { try await world.member.send("!resources crisis \(region)", to: room) }

        // The next run gets the four in one batch, handles two, and dies before the
        // rest: its sync position is not stored, so the batch comes again.
        let cut = try InProcessBot(matrix: world.configuration(), http: world.http, databasePath: database)
        let running = Task { try await cut.adapter.run() }
        var handled = 0
        for await event in cut.adapter.events() {
            guard case .message = event else { continue }
            await cut.bot.handle(event)
            await cut.adapter.didProcess(event)
            handled += 1
            if handled == 2 { break }
        }
        await cut.adapter.stop()
        _ = await running.result

        let last = try InProcessBot(matrix: world.configuration(), http: world.http, databasePath: database)
        last.start()
        for region in regions {
            _ = try await world.member.waitForMessage(in: room, from: world.bot.userID, where: MatrixLiveTests.answers(region))
        }
        try await world.member.send("!resources crisis NZ", to: room)
        _ = try await world.member.waitForMessage(in: room, from: world.bot.userID, where: MatrixLiveTests.answers("NZ"))
        let replies = await world.member.messages(in: room, from: world.bot.userID)
        #expect(replies.count == 5)
        for region in regions { #expect(replies.filter(MatrixLiveTests.answers(region)).count == 1, "answers for \(region)") }
        #expect(last.log.all.contains { $0.contains("skipped events handled before a restart") && $0.contains("count=2") })
        await last.stop()
    }
}
