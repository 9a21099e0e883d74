import Foundation
@testable import PeerBot

/// Helpers for driving the standard features through `BotHarness`.
extension BotHarness {
    /// A harness with every standard feature, starting at an ISO 8601 instant.
    static func standard(
        at start: String, configure: (inout BotConfiguration) -> Void = { _ in }
    ) async throws -> BotHarness {
        try await BotHarness(
            start: instant(start), configure: configure,
            features: { configuration in
                StandardFeatures.make(configuration: configuration, directory: try Fixtures.resourceDirectory(), crisisMatcher: try Fixtures.shippedCrisisMatcher())
            })
    }

    static func instant(_ text: String) throws -> Date {
        try Date(text, strategy: .iso8601)
    }

    static func directChannel(_ name: String) -> ChannelRef {
        ChannelRef(platform: .console, space: "console", id: "dm:\(name)", isDirect: true)
    }

    /// A private message to the bot.
    @discardableResult
    func dm(_ name: String, _ text: String) async -> [OutboundAction] {
        await say(name, text, channel: Self.directChannel(name))
    }

    /// A channel message that mentions (or replies to) members.
    @discardableResult
    func post(_ name: String, _ text: String, mentioning: [String], channel: ChannelRef = general) async -> [OutboundAction] {
        adapter.clear()
        await bot.handle(
            .message(
                InboundMessage(
                    id: UUID().uuidString, author: Self.member(name), channel: channel, text: text,
                    mentions: mentioning.map(Self.member))))
        await dispatcher.drain()
        return adapter.performed
    }

    /// A member joins.
    @discardableResult
    func join(_ name: String) async -> [OutboundAction] {
        adapter.clear()
        await bot.handle(.memberJoined(MemberJoin(member: Self.member(name), channel: Self.general)))
        await dispatcher.drain()
        return adapter.performed
    }

    /// Moves the clock as the console's `:advance` does, running each job at
    /// its own due time; returns what was delivered and when.
    func advance(by seconds: TimeInterval) async -> [(at: Date, action: OutboundAction)] {
        let target = clock.now.addingTimeInterval(seconds)
        var delivered: [(at: Date, action: OutboundAction)] = []
        func step() async {
            adapter.clear()
            await bot.runDueJobs()
            await dispatcher.drain()
            delivered += adapter.performed.map { (clock.now, $0) }
        }
        while let due = await bot.nextJobDue(), due <= target {
            clock.set(due)
            await step()
        }
        clock.set(target)
        await step()
        return delivered
    }

    /// Pending job rows of a kind, as (key, due) pairs.
    func pendingJobs(kind: String) throws -> [Job] {
        try store.read { try $0.pendingJobs(kind: kind) }
    }
}

extension Array where Element == (at: Date, action: OutboundAction) {
    /// The instants (ISO 8601) at which something was delivered to `name` privately.
    func privateInstants(to name: String) -> [String] {
        filter { $0.action.isPrivate(to: name) }.map { $0.at.formatted(.iso8601) }
    }
}
