import Foundation
import PeerBot
import Testing

/// `peerbot run` killed with SIGKILL while the fake Mastodon holds the page's
/// post, then started again on the same database: the page exists exactly
/// once. With the response lost, the retry carries the same Idempotency-Key
/// and the instance returns the status already created; with the request
/// lost, the retry creates it.
@Suite(.serialized) struct MastodonCrashSafetyTests {
    @Test(arguments: [true, false])
    func aPageInFlightWhenKilledIsPostedOnceAfterTheRestart(responseLost: Bool) async throws {
        let executable = MastodonExecutableTests()
        #expect(FileManager.default.isExecutableFile(atPath: MastodonExecutableTests.executable.path), "build peerbot first (make test)")
        let fake = try await FakeMastodon.start()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-mastodon-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try executable.writeConfig(fake: fake, directory: directory)
        let database = directory.appendingPathComponent("data/peerbot.sqlite").path

        let first = try MastodonExecutableTests.Running(config: config, directory: directory)
        try await executable.waitUntil("the stream is open") {
            guard first.process.isRunning else { throw HarnessError(description: "peerbot exited: \(first.stderr)") }
            return try await fake.streams().open == 1
        }
        try await fake.holdStatusPost(matching: "Ticket #1:", accept: responseLost)
        let request = try await fake.mention("!facilitator rough night")
        try await executable.waitUntil("the page is held") { try await !fake.held().isEmpty }
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()

        // The kill hit the window: the ticket and its page are stored, the page not delivered.
        let store = try SQLiteStore(path: database)
        #expect(try store.rawRows("SELECT state FROM ticket") == [["state": "open"]])
        #expect(try store.rawRows("SELECT id FROM outbox WHERE state = 'pending' AND action LIKE '%Ticket #1:%'").count == 1)
        try await fake.release()

        let second = try MastodonExecutableTests.Running(config: config, directory: directory)
        try await executable.waitUntil("the outbox is delivered") {
            guard second.process.isRunning else { throw HarnessError(description: "peerbot exited: \(second.stderr)") }
            return try store.read { try $0.outboxDepth() } == 0
        }
        second.terminate()

        let statuses = try await fake.statuses()
        #expect(statuses.filter { $0.text.contains("Ticket #1:") }.count == 1, "the page, once")
        #expect(statuses.filter { $0.status.inReplyToID == request.status?.id }.count == 1, "the member's confirmation, once")
        let held = try #require(try await fake.held().first)
        #expect(held.accepted == responseLost)
        let key = try #require(held.idempotencyKey)
        let posts = try await fake.requests().filter { $0.method == "POST" && $0.path == "/api/v1/statuses" && $0.idempotencyKey == key }
        #expect(posts.count == 2, "the held post and one retry with the same Idempotency-Key")
        for log in [first.stderr, second.stderr] { #expect(!log.contains(FakeMastodon.token)) }
        await fake.stop()
    }
}
