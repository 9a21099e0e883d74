import Foundation
import Testing
@testable import PeerBot

@Suite struct BotTests {
    @Test func resourcesAnswerInTheChannelWith988() async throws {
        let harness = try await BotHarness()
        let actions = await harness.say("alice", "!resources crisis US")
        #expect(actions.count == 1)
        let action = try #require(actions.first)
        #expect(action.isPosted(in: "general"))
        #expect(action.text?.contains("988") == true)
        #expect(action.text?.contains("Find A Helpline") == true)
    }

    @Test func aliasAndCaseAndSavedRegion() async throws {
        let harness = try await BotHarness()
        let saved = await harness.say("bob", "!REGION gb")
        #expect(saved.first?.isPrivate(to: "bob") == true)
        let answer = await harness.say("bob", "!helplines")
        #expect(answer.first?.text?.contains("116 123") == true)
        let other = await harness.say("carol", "!helplines")
        #expect(other.first?.text?.contains("116 123") == false)
    }

    @Test func spaceDefaultRegionApplies() async throws {
        let harness = try await BotHarness(configure: { $0.bot.defaultRegion = "US" })
        #expect(await harness.say("alice", "!resources").first?.text?.contains("988") == true)
    }

    @Test func unknownTopicListsTopics() async throws {
        let harness = try await BotHarness()
        let answer = try #require(await harness.say("alice", "!resources astrology").first)
        #expect(answer.isPrivate(to: "alice"))
        #expect(answer.text?.contains("I don't know the topic \"astrology\"") == true)
        #expect(answer.text?.contains("crisis, suicide") == true)
    }

    @Test func unknownRegionIsExplained() async throws {
        let harness = try await BotHarness()
        let answer = await harness.say("alice", "!resources crisis ZZ")
        #expect(answer.first?.text?.contains("I don't know the region \"ZZ\"") == true)
    }

    @Test func unknownCommandSuggestsTheClosestOne() async throws {
        let harness = try await BotHarness()
        let answer = try #require(await harness.say("alice", "!resorces").first)
        #expect(answer.isPrivate(to: "alice"))
        #expect(answer.text == "I don't know the command !resorces. Did you mean !resources? Type !help for the list.")
    }

    @Test func wrongArgumentsGetAUsageLine() async throws {
        let harness = try await BotHarness()
        let answer = await harness.say("alice", "!region a b")
        #expect(answer.map(\.text) == ["Usage: !region CODE|clear — one code, e.g. !region GB"])
    }

    @Test func helpListsOnlyWhatTheCallerMayUse() async throws {
        let restricted = CommandSpec(name: "ack", arguments: "N", summary: "claim a ticket", minimumRole: .facilitator) { _, _ in }
        let harness = try await BotHarness(features: { _ in
            [ResourcesFeature(directory: try Fixtures.resourceDirectory()), TestFeature(commands: [restricted])]
        })
        let member = await harness.say("alice", "!help").first?.text ?? ""
        #expect(member.contains("!resources"))
        #expect(!member.contains("!ack"))
        #expect(member.contains("a bot"))
        let facilitator = await harness.say("sam", "!help", role: .facilitator).first?.text ?? ""
        #expect(facilitator.contains("!ack N — claim a ticket"))
    }

    @Test func membersAreRefusedFacilitatorCommands() async throws {
        let ran = RunCounter()
        let restricted = CommandSpec(name: "ack", arguments: "N", summary: "claim", minimumRole: .facilitator) { _, _ in ran.increment() }
        let harness = try await BotHarness(features: { _ in [TestFeature(commands: [restricted])] })
        let answer = await harness.say("alice", "!ack 1")
        #expect(answer.first?.text == "Sorry, !ack is only for facilitators. Nothing was changed.")
        #expect(ran.count == 0)
        await harness.say("sam", "!ack 1", role: .facilitator)
        #expect(ran.count == 1)
    }

    @Test func overlongCommandsAreAnsweredAndOtherMessagesIgnored() async throws {
        let harness = try await BotHarness()
        let long = String(repeating: "x", count: 100_000)
        let command = await harness.say("alice", "!resources " + long)
        #expect(command.first?.text?.contains("too long") == true)
        let chatter = await harness.say("alice", long)
        #expect(chatter.isEmpty)
    }

    @Test func controlCharactersDoNotBreakCommands() async throws {
        let harness = try await BotHarness()
        let answer = await harness.say("alice", "!resources\u{07} crisis\u{1B} US\u{0}")
        #expect(answer.first?.text?.contains("988") == true)
    }

    @Test func botsAreIgnored() async throws {
        let harness = try await BotHarness()
        await harness.bot.handle(
            .message(InboundMessage(id: "1", author: BotHarness.member("otherbot"), channel: BotHarness.general, text: "!help", authorIsBot: true)))
        await harness.dispatcher.drain()
        #expect(harness.adapter.performed.isEmpty)
    }

    @Test func aFailingCommandIsAnsweredAndChangesNothing() async throws {
        struct Boom: Error {}
        let failing = CommandSpec(name: "boom", summary: "fails") { invocation, context in
            try context.store.setSetting(.region, of: invocation.author.key, to: "GB")
            throw Boom()
        }
        let harness = try await BotHarness(features: { _ in [TestFeature(commands: [failing])] })
        let answer = await harness.say("alice", "!boom")
        #expect(answer.first?.text?.contains("something went wrong on my side") == true)
        #expect(try harness.store.read { try $0.setting(.region, of: "console:alice") } == nil)
    }

    @Test func transientDeliveryFailuresAreRetriedWithTheSameKey() async throws {
        let harness = try await BotHarness()
        harness.adapter.failNext([.transient("offline", retryAfter: 30)])
        let first = await harness.say("alice", "!help")
        #expect(first.isEmpty)
        #expect(await harness.bot.outboxDepth() == 1)
        harness.clock.advance(by: 31)
        await harness.dispatcher.drain()
        #expect(harness.adapter.performed.count == 1)
        #expect(await harness.bot.outboxDepth() == 0)
    }

    @Test func permanentFailuresAreNotRetried() async throws {
        let harness = try await BotHarness()
        harness.adapter.failNext([.permanent("unknown channel")])
        await harness.say("alice", "!help")
        #expect(await harness.bot.outboxDepth() == 0)
        let failed = try harness.store.rawRows("SELECT state, last_error FROM outbox")
        #expect(failed.first?["state"] == "failed")
        #expect(failed.first?["last_error"] == "unknown channel")
    }

    @Test func duplicateCommandNamesAreRejectedAtStart() throws {
        let one = CommandSpec(name: "same", summary: "a") { _, _ in }
        let two = CommandSpec(name: "other", aliases: ["same"], summary: "b") { _, _ in }
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("x.sqlite"))
        #expect(throws: CommandTableError.duplicate("same")) {
            try Bot(
                configuration: BotConfiguration(), store: store, clock: VirtualWallClock(start: Date()),
                features: [TestFeature(commands: [one, two])])
        }
    }
}

/// A feature assembled from parts, for tests.
struct TestFeature: Feature {
    var commands: [CommandSpec] = []
    var jobKinds: [String] = []
    var onJob: (@Sendable (Job, BotContext) throws -> Void)? = nil

    func run(_ job: Job, context: BotContext) throws {
        try onJob?(job, context)
    }
}

/// A thread-safe counter for tests.
final class RunCounter: Sendable {
    private let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

import Synchronization
