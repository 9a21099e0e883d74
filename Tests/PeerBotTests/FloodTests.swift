import Foundation
import Testing
@testable import PeerBot

/// One member's flood never delays another member's escalation: the flood
/// yields a bounded number of replies, and the page is delivered with at most
/// that many of them ahead of it. Positions in the delivered stream, no timing.
@Suite struct FloodTests {
    static let floodSize = 2000
    /// Ten answers and one "slow down" notice (the default burst; the virtual clock does not move).
    static let boundedReplies = LimitSettings().commandBurst + 1

    static func message(_ name: String, _ text: String, id: Int) -> InboundEvent {
        .message(InboundMessage(id: "\(name)-\(id)", author: BotHarness.member(name), channel: BotHarness.general, text: text))
    }

    /// The console's way: each event handled, then the outbox drained.
    @Test func lockstepFloodDoesNotDelayAnotherMembersPage() async throws {
        let harness = try await BotHarness.standard { $0.limits.commandBurst = LimitSettings().commandBurst }
        var pagePosition: Int?
        for index in 0..<Self.floodSize {
            if index == Self.floodSize / 2 {
                await harness.bot.handle(Self.message("bob", "!facilitator", id: 0))
                await harness.dispatcher.drain()
                pagePosition = harness.adapter.performed.firstIndex { $0.isPage(in: "facilitators") }
            }
            await harness.bot.handle(Self.message("mallory", "!resources crisis", id: index))
            await harness.dispatcher.drain()
        }
        let performed = harness.adapter.performed
        let floodReplies = performed.filter { $0.isPrivate(to: "mallory") || $0.isPosted(in: "general") }
        #expect(floodReplies.count == Self.boundedReplies)
        // Only the bounded replies were delivered before the page, though 1,000 flood commands came first.
        #expect(pagePosition == Self.boundedReplies)
        #expect(performed.contains { $0.isPrivate(to: "bob") && $0.text?.contains("request #1") == true })
    }

    /// The platform adapters' way: the runtime hands events over as they come
    /// and drains the outbox alongside, not in lockstep.
    @Test func runtimeFloodDoesNotDelayAnotherMembersPage() async throws {
        let harness = try await BotHarness.standard { $0.limits.commandBurst = LimitSettings().commandBurst }
        let runtime = BotRuntime(bot: harness.bot, dispatcher: harness.dispatcher, clock: harness.clock, adapters: [harness.adapter])
        for index in 0..<Self.floodSize {
            if index == Self.floodSize / 2 { harness.adapter.push(Self.message("bob", "!facilitator", id: 0)) }
            harness.adapter.push(Self.message("mallory", "!resources crisis", id: index))
        }
        await harness.adapter.stop()
        await runtime.run()
        let performed = harness.adapter.performed
        let page = try #require(performed.firstIndex { $0.isPage(in: "facilitators") })
        let floodReplies = performed.filter { $0.isPrivate(to: "mallory") || $0.isPosted(in: "general") }
        #expect(floodReplies.count == Self.boundedReplies)
        #expect(page <= Self.boundedReplies)
        #expect(performed.filter { $0.isPage(in: "facilitators") }.count == 1)
        #expect(try harness.store.read { try $0.outboxDepth() } == 0)
    }
}
