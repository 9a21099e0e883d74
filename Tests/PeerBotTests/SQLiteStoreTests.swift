import Foundation
import Synchronization
import Testing
@testable import PeerBot

@Suite struct SQLiteStoreTests {
    let temporary = TemporaryDirectory()
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func open() throws -> SQLiteStore { try SQLiteStore(path: temporary.path("data/nested/bot.sqlite")) }

    @Test func createsFolderAndUsesWAL() throws {
        let store = try open()
        #expect(FileManager.default.fileExists(atPath: temporary.path("data/nested/bot.sqlite")))
        #expect(try store.journalMode() == "wal")
        let migrations = try store.rawRows("SELECT identifier FROM grdb_migrations")
        let identifiers = migrations.compactMap { $0["identifier"] }
        #expect(identifiers.first == "v1-foundation")
        #expect(identifiers.contains("v2-checkins-agreements-boundaries"))
        #expect(identifiers.contains("v2-escalation"))
        #expect(identifiers.contains("v3-outbox-claims"))
    }

    /// Two `peerbot` processes may open one new file at once (a crash-safety test reads the
    /// database of the `peerbot run` it just started): each connection here is another process
    /// to SQLite. All of them open it, and every migration runs once.
    @Test func storesOpeningOneNewFileAtOnceAllMigrateIt() throws {
        for round in 0..<8 {
            let path = temporary.path("race-\(round)/bot.sqlite")
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do {
                    _ = try SQLiteStore(path: path)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [], "round \(round)")
            let migrations = try SQLiteStore(path: path).rawRows("SELECT identifier FROM grdb_migrations")
            #expect(migrations.count == Set(migrations.compactMap { $0["identifier"] }).count)
        }
    }

    @Test func settingsSurviveReopening() throws {
        do {
            let store = try open()
            try store.write { try $0.setSetting(.region, of: "console:alice", to: "GB") }
        }
        let store = try open()
        #expect(try store.read { try $0.setting(.region, of: "console:alice") } == "GB")
        try store.write { try $0.setSetting(.region, of: "console:alice", to: nil) }
        #expect(try store.read { try $0.settings(of: "console:alice") }.isEmpty)
    }

    @Test func outboxDeliversUrgentFirstAndForgetsText() throws {
        let store = try open()
        let channel = ChannelRef(platform: .console, id: "general", name: "general")
        let first = try store.write { try $0.enqueue(.send(channel: channel, text: "normal"), lane: .normal, tag: nil, at: now) }
        let urgent = try store.write {
            try $0.enqueue(.page(channel: channel, text: "page", mentions: [], ticket: 1), lane: .urgent, tag: "ticket:1", at: now)
        }
        let due = try store.read { try $0.dueOutboxEntries(at: now, limit: 10) }
        #expect(due.map(\.id) == [urgent, first])
        #expect(Set(due.map(\.idempotencyKey)).count == 2)

        try store.write { try $0.markDelivered(urgent, messageID: "m-1", at: now) }
        #expect(try store.read { try $0.outboxTag(forDeliveredMessage: "m-1", on: .console) } == "ticket:1")
        let stored = try store.rawRows("SELECT action FROM outbox WHERE id = ?", arguments: ["\(urgent)"])
        #expect(stored.first?["action"] == "{}")

        try store.write { try $0.markRetry(first, nextAttemptAt: now.addingTimeInterval(30), error: "offline") }
        #expect(try store.read { try $0.dueOutboxEntries(at: now, limit: 10) }.isEmpty)
        #expect(try store.read { try $0.dueOutboxEntries(at: now.addingTimeInterval(30), limit: 10) }.map(\.attempts) == [1])
        #expect(try store.read { try $0.outboxDepth() } == 1)
    }

    @Test func jobsAreUniqueByKeyAndRunInDueOrder() throws {
        let store = try open()
        let later = Job(kind: "test", key: "b", dueAt: now.addingTimeInterval(60))
        let sooner = Job(kind: "test", key: "a", memberKey: "console:alice", dueAt: now)
        #expect(try store.write { try $0.schedule(later) })
        #expect(try store.write { try $0.schedule(sooner) })
        #expect(try !store.write { try $0.schedule(sooner) })
        #expect(try store.read { try $0.earliestPendingJob() } == now)
        let due = try #require(try store.read { try $0.nextDueJob(notAfter: now) })
        #expect(due.key == "a")
        try store.write { try $0.finishJob(due.id, state: .done, at: now) }
        #expect(try store.read { try $0.nextDueJob(notAfter: now) } == nil)
        try store.write { try $0.cancelJob(key: "b") }
        #expect(try store.read { try $0.earliestPendingJob() } == nil)
    }

    @Test func seenEventsDeduplicate() throws {
        let store = try open()
        #expect(try store.write { try $0.markSeen(platform: .matrix, eventID: "$e1", at: now) })
        #expect(try !store.write { try $0.markSeen(platform: .matrix, eventID: "$e1", at: now) })
        #expect(try store.write { try $0.markSeen(platform: .discord, eventID: "$e1", at: now) })
        try store.write { try $0.pruneSeenEvents(before: now.addingTimeInterval(1)) }
        #expect(try store.write { try $0.markSeen(platform: .matrix, eventID: "$e1", at: now) })
    }

    @Test func cursors() throws {
        let store = try open()
        try store.write { try $0.setCursor("matrix.next_batch", to: "s72594_4483_1934") }
        #expect(try store.read { try $0.cursor("matrix.next_batch") } == "s72594_4483_1934")
        try store.write { try $0.setCursor("matrix.next_batch", to: nil) }
        #expect(try store.read { try $0.cursor("matrix.next_batch") } == nil)
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        struct Boom: Error {}
        let store = try open()
        let channel = ChannelRef(platform: .console, id: "general")
        #expect(throws: Boom.self) {
            try store.write { transaction in
                try transaction.enqueue(.send(channel: channel, text: "x"), lane: .normal, tag: nil, at: now)
                throw Boom()
            }
        }
        #expect(try store.read { try $0.outboxDepth() } == 0)
    }

    @Test func anUnwritablePathIsAClearError() {
        #expect(throws: StoreError.self) { try SQLiteStore(path: "/proc/peerbot/bot.sqlite") }
    }
}
