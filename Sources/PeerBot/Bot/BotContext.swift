import Foundation

/// What a handler works with: the open transaction, the time, the configuration,
/// and ways to answer. Everything it emits is written to the outbox inside the
/// same transaction as the handler's own records.
public struct BotContext {
    /// The store transaction the handler runs in.
    public let store: any StoreTransaction
    /// The injected clock's time when handling began.
    public let now: Date
    public let configuration: BotConfiguration
    /// Shared by every feature that sees the same message.
    public let notes: MessageNotes

    public init(store: any StoreTransaction, now: Date, configuration: BotConfiguration, notes: MessageNotes = MessageNotes()) {
        self.store = store
        self.now = now
        self.configuration = configuration
        self.notes = notes
    }

    /// Queues an action for delivery.
    @discardableResult
    public func emit(_ action: OutboundAction, lane: OutboxLane = .normal, tag: String? = nil) throws -> Int64 {
        try store.enqueue(action, lane: lane, tag: tag, at: now)
    }

    /// Answers where the command was typed: in the channel, or in the private conversation.
    public func reply(_ text: String, to invocation: CommandInvocation, lane: OutboxLane = .normal) throws {
        try emit(.send(channel: invocation.channel, text: text), lane: lane)
    }

    /// Answers the author only (ephemeral reply or direct message).
    public func replyPrivately(_ text: String, to invocation: CommandInvocation, lane: OutboxLane = .normal) throws {
        try emit(.replyPrivately(member: invocation.author, text: text, origin: invocation.origin), lane: lane)
    }

    /// Tells one member something privately, outside any command.
    public func tell(_ member: MemberRef, _ text: String, lane: OutboxLane = .normal, tag: String? = nil) throws {
        try emit(.replyPrivately(member: member, text: text, origin: nil), lane: lane, tag: tag)
    }

    /// The configured command prefix.
    public var prefix: String { configuration.bot.commandPrefix }
}
