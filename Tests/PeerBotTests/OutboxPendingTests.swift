import Foundation
import Testing
@testable import PeerBot

/// `outboxEntryIsPending(idempotencyKey:)`: what an adapter asks before it hands
/// on a reaction to a message whose delivery may not be recorded yet.
@Suite struct OutboxPendingTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let channel = ChannelRef(platform: .matrix, id: "!room", name: "facilitators")

    @Test func pendingUntilDeliveredOrFailedAndFalseForUnknownKeys() throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("pending.sqlite"))
        try store.write { transaction in
            _ = try transaction.enqueue(.send(channel: channel, text: "page"), lane: .urgent, tag: "ticket:1:tier:1", at: start)
            _ = try transaction.enqueue(.send(channel: channel, text: "other"), lane: .normal, tag: nil, at: start)
        }
        let entries = try store.read { try $0.dueOutboxEntries(at: start, limit: 10) }
        #expect(entries.count == 2)
        for entry in entries {
            #expect(try store.read { try $0.outboxEntryIsPending(idempotencyKey: entry.idempotencyKey) })
        }
        try store.write { try $0.markRetry(entries[0].id, nextAttemptAt: start.addingTimeInterval(5), error: "lost answer") }
        #expect(try store.read { try $0.outboxEntryIsPending(idempotencyKey: entries[0].idempotencyKey) })
        try store.write { try $0.markDelivered(entries[0].id, messageID: "$page", at: start) }
        try store.write { try $0.markFailed(entries[1].id, error: "forbidden", at: start) }
        #expect(try !store.read { try $0.outboxEntryIsPending(idempotencyKey: entries[0].idempotencyKey) })
        #expect(try !store.read { try $0.outboxEntryIsPending(idempotencyKey: entries[1].idempotencyKey) })
        #expect(try !store.read { try $0.outboxEntryIsPending(idempotencyKey: "pb-no-such-entry") })
    }
}
