import Foundation
import Testing
@testable import PeerBot

/// `[limits]` through the `Bot`: every limit answers in one line; the rate
/// limit drops a flood cheaply and never an escalation or a crisis scan.
@Suite struct InputLimitsTests {
    static let sizes = CommandSpec(name: "pick", arguments: "A B", summary: "takes words") { invocation, context in
        try context.replyPrivately("picked \(invocation.arguments.count)", to: invocation)
    }
    static let note = CommandSpec(name: "note", arguments: "[NOTE]", summary: "takes free text") { invocation, context in
        try context.replyPrivately("noted \(invocation.command.argumentText.count)", to: invocation)
    }

    func harness(_ configure: @escaping (inout BotConfiguration) -> Void = { _ in }) async throws -> BotHarness {
        try await BotHarness(configure: configure, features: { _ in [TestFeature(commands: [Self.sizes, Self.note])] })
    }

    @Test func tooManyArgumentsGetOneLine() async throws {
        let harness = try await harness { $0.limits.maxArguments = 4 }
        #expect(await harness.say("alice", "!pick a b c d").map(\.text) == ["picked 4"])
        let answer = await harness.say("alice", "!pick a b c d e")
        #expect(answer.map(\.text) == ["That's too many words after !pick (I read up to 4). Usage: !pick A B"])
        // Free text is not counted in words; the message length limit still applies.
        #expect(await harness.say("alice", "!note " + String(repeating: "word ", count: 100)).map(\.text) == ["noted 499"])
    }

    @Test func tooLongAnArgumentGetsOneLine() async throws {
        let harness = try await harness { $0.limits.maxArgumentLength = 40 }
        #expect(await harness.say("alice", "!pick \(String(repeating: "y", count: 40))").map(\.text) == ["picked 1"])
        let answer = await harness.say("alice", "!pick \"\(String(repeating: "y", count: 41))\"")
        #expect(answer.map(\.text) == ["A word in that !pick is over 40 characters, more than I read. Usage: !pick A B"])
        #expect(await harness.say("alice", "!note \"\(String(repeating: "y", count: 300))\"").map(\.text) == ["noted 302"])
    }

    @Test func anOverlongCommandIsRefusedButAnOverlongEscalationPages() async throws {
        let harness = try await BotHarness.standard { $0.limits.maxMessageLength = 200 }
        let refused = await harness.say("alice", "!resources " + String(repeating: "x", count: 300))
        #expect(refused.map(\.text) == ["That command is too long for me to read (over 200 characters). Please shorten it."])
        let escalation = await harness.say("bob", "!facilitator " + String(repeating: "please ", count: 100))
        #expect(escalation.contains { $0.isPage(in: "facilitators") })
        #expect(escalation.contains { $0.isPrivate(to: "bob") && $0.text?.contains("#1") == true })
    }

    @Test func anOverlongMessageIsStillScannedAtBothEnds() async throws {
        let harness = try await BotHarness.standard { $0.limits.maxMessageLength = 400 }
        let filler = String(repeating: "so much going on today ", count: 500)
        let atTheEnd = await harness.say("alice", filler + "and honestly I can't go on anymore")
        #expect(atTheEnd.count == 1)
        #expect(atTheEnd.first?.isPrivate(to: "alice") == true)
        #expect(atTheEnd.first?.text?.hasPrefix("Something in your message made me want to check in.") == true)
        let atTheStart = await harness.say("bob", "I can't go on anymore. " + filler)
        #expect(atTheStart.first?.text?.hasPrefix("Something in your message made me want to check in.") == true)
        // Stacked combining marks are bounded too, and never stall the scan.
        let zalgo = await harness.say("carol", "a" + String(repeating: "\u{0301}", count: 200_000))
        #expect(zalgo.isEmpty)
    }

    @Test func overTheRateLimitOneNoticeThenSilence() async throws {
        let harness = try await harness { $0.limits.commandBurst = 3 }
        for _ in 0..<3 { #expect(await harness.say("alice", "!pick a").map(\.text) == ["picked 1"]) }
        let notice = await harness.say("alice", "!pick a")
        #expect(notice.map(\.text) == [
            "You're sending commands faster than I can answer, so I'll skip the next ones for about 6 seconds. !facilitator always gets through."
        ])
        #expect(notice.first?.isPrivate(to: "alice") == true)
        let depth = try harness.store.outboxHighWater()
        for _ in 0..<50 { #expect(await harness.say("alice", "!pick a").isEmpty) }
        #expect(try harness.store.outboxHighWater() == depth)
        // Another member is not affected; the flooder is answered again once tokens come back.
        #expect(await harness.say("bob", "!pick a").map(\.text) == ["picked 1"])
        harness.clock.advance(by: 2)
        #expect(await harness.say("alice", "!pick a").map(\.text) == ["picked 1"])
        // Unknown commands count too: a flood of typos is a flood.
        #expect(await harness.say("alice", "!nosuch").isEmpty)
    }

    @Test func facilitatorsAreNotRateLimited() async throws {
        let harness = try await harness { $0.limits.commandBurst = 1 }
        for _ in 0..<20 {
            #expect(await harness.say("sam", "!pick a", role: .facilitator).map(\.text) == ["picked 1"])
        }
    }

    @Test func droppedCommandsCostNoWriteTransaction() async throws {
        let harness = try await harness { $0.limits.commandBurst = 2 }
        let counting = CountingStore(harness.store)
        var configuration = BotConfiguration()
        configuration.limits.commandBurst = 2
        let bot = try Bot(
            configuration: configuration, store: counting, clock: harness.clock,
            features: [TestFeature(commands: [Self.sizes])])
        func command() async {
            await bot.handle(
                .message(InboundMessage(id: UUID().uuidString, author: BotHarness.member("alice"), channel: BotHarness.general, text: "!pick a")))
        }
        for _ in 0..<3 { await command() }  // two answered, one notice
        let before = counting.writes
        for _ in 0..<500 { await command() }
        #expect(counting.writes == before)
        #expect(try harness.store.read { try $0.outboxDepth() } == 3)
    }

    @Test func aFlooderInCrisisStillGetsTheOfferAndCanAskForAPerson() async throws {
        let harness = try await BotHarness.standard { $0.limits.commandBurst = 2 }
        for _ in 0..<30 { await harness.say("alice", "!resources") }
        #expect(await harness.say("alice", "!resources").isEmpty)
        let offer = await harness.say("alice", "I can't go on anymore")
        #expect(offer.first?.text?.hasPrefix("Something in your message made me want to check in.") == true)
        let request = await harness.say("alice", "!facilitator")
        #expect(request.contains { $0.isPage(in: "facilitators") })
        #expect(request.contains { $0.isPrivate(to: "alice") && $0.text?.contains("#1") == true })
    }

    @Test func repeatsOfAnOpenRequestOverTheLimitGoInTheNormalLane() async throws {
        let harness = try await BotHarness.standard { $0.limits.commandBurst = 2 }
        await harness.say("alice", "!facilitator")
        await harness.say("alice", "!facilitator still here")  // within the limit: urgent
        // Over the limit: every repeat is still carried out (its note relayed) but
        // queued behind the urgent lane, so bob's page goes first.
        for index in 0..<20 {
            await harness.bot.handle(
                .message(InboundMessage(id: "r\(index)", author: BotHarness.member("alice"), channel: BotHarness.general, text: "!facilitator note \(index)")))
        }
        let bob = await harness.say("bob", "!facilitator")
        let firstPage = try #require(bob.firstIndex { $0.isPage(in: "facilitators") && $0.text?.contains("#2") == true })
        let firstRepeat = try #require(bob.firstIndex { $0.text?.contains("note 0") == true })
        #expect(firstPage < firstRepeat)
        #expect(bob.filter { $0.text?.contains("Ticket #1 · alice: note") == true }.count == 20)
        #expect(try harness.outboxCount(tag: "ticket:1:relay") == 21)
    }

    @Test func privateMessagesOverTheLimitAreRelayedInTheNormalLane() async throws {
        let harness = try await BotHarness.standard { $0.limits.commandBurst = 2 }
        await harness.say("alice", "!facilitator")
        let dm = BotHarness.direct("alice")
        for index in 0..<10 {
            await harness.bot.handle(
                .message(InboundMessage(id: "d\(index)", author: BotHarness.member("alice"), channel: dm, text: "message \(index)")))
        }
        let bob = await harness.say("bob", "!facilitator")
        let page = try #require(bob.firstIndex { $0.isPage(in: "facilitators") && $0.text?.contains("#2") == true })
        let relayed = bob.indices.filter { bob[$0].text?.contains("Ticket #1 · alice: message") == true }
        #expect(relayed.count == 10)
        // The first two (within the limit) are urgent and go first; the other eight wait behind bob's page.
        #expect(relayed.filter { $0 < page }.count == 2)
    }
}

/// Counts write transactions, to show what a dropped command does not cost.
final class CountingStore: Store {
    private let base: any Store
    private let count = Mutex(0)
    init(_ base: any Store) { self.base = base }
    var writes: Int { count.withLock { $0 } }
    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        count.withLock { $0 += 1 }
        return try base.write(body)
    }
    func writeDeferred<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        count.withLock { $0 += 1 }
        return try base.writeDeferred(body)
    }
    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T { try base.read(body) }
    func handOffNewOutboxEntries(to owner: String, lease: TimeInterval) { base.handOffNewOutboxEntries(to: owner, lease: lease) }
    func takeNewOutboxEntries(lane: OutboxLane) -> [OutboxEntry] { base.takeNewOutboxEntries(lane: lane) }
    func markDeliveredSoon(_ id: Int64, messageID: String?, at now: Date) { base.markDeliveredSoon(id, messageID: messageID, at: now) }
    func recordPendingDeliveries() throws { try base.recordPendingDeliveries() }
}

import Synchronization
