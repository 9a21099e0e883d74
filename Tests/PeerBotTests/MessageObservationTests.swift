import Foundation
import Testing
@testable import PeerBot

/// Plain chatter is observed without the database's write lock: most messages
/// need nothing written, and another process holding the lock (a long
/// transaction, a backup) must not hold up the bot's reading of the room.
@Suite struct MessageObservationTests {
    @Test func plainChatterIsHandledWhileAnotherConnectionHoldsTheWriteLock() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z", configure: AgreementsTests.configure)
        await harness.say("alice", "hello")  // schedules the channel's first look (a write)
        let other = try SQLiteStore(path: harness.store.path)
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let holder = Thread {
            _ = try? other.write { _ in
                holding.signal()
                release.wait()
            }
        }
        holder.start()
        holding.wait()
        // Were the lock needed, handling would wait out the 10 s busy timeout and fail: the count would stay 1.
        let answered = await harness.say("bob", "just chatting, nothing to do")
        release.signal()
        #expect(answered.isEmpty)
        await harness.bot.flushFeatures()
        #expect(try harness.store.read { try $0.channelActivity("console:general") }?.messagesSinceReminder == 2)
    }

    @Test func aDeferredTransactionThatWritesCommitsAndOneThatThrowsRollsBack() throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("deferred.sqlite"))
        try store.writeDeferred { try $0.setSetting(.timeZone, of: "console:alice", to: "Europe/Paris") }
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try store.writeDeferred { transaction in
                try transaction.setSetting(.timeZone, of: "console:alice", to: "Asia/Tokyo")
                throw Failure()
            }
        }
        #expect(try store.read { try $0.setting(.timeZone, of: "console:alice") } == "Europe/Paris")
        // Nothing touched: no transaction at all, and the store is fine after.
        try store.writeDeferred { _ in }
        #expect(try store.read { try $0.setting(.timeZone, of: "console:alice") } == "Europe/Paris")
    }

    @Test func theWriterNeverCheckpointsInsideACommit() throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("wal.sqlite"))
        // `WALCheckpointer` copies the log back beside the writer instead.
        #expect(try store.rawRows("PRAGMA wal_autocheckpoint") == [["wal_autocheckpoint": "0"]])
        #expect(try store.journalMode() == "wal")
    }
}
