import Foundation
import PeerBot
import Testing

/// The real `peerbot run` against the fake Mastodon, killed with SIGKILL while
/// the fake holds one status post and started again on the same database.
/// The window is made by the fake (a held post), never by timing.
final class MastodonCrashRig {
    let fake: FakeMastodon
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-mastodon-crash-\(UUID().uuidString)")
    let harness = MastodonExecutableTests()
    let config: String
    let store: SQLiteStore
    /// Every process started so far; the last one runs.
    private(set) var runs: [MastodonExecutableTests.Running] = []

    init() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: MastodonExecutableTests.executable.path), "build peerbot first (make test)")
        fake = try await FakeMastodon.start()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        config = try harness.writeConfig(fake: fake, directory: directory)
        store = try SQLiteStore(path: directory.appendingPathComponent("data/peerbot.sqlite").path)
    }

    /// Starts `peerbot run` and waits until its stream is open.
    func start() async throws {
        let running = try MastodonExecutableTests.Running(config: config, directory: directory)
        runs.append(running)
        try await harness.waitUntil("the stream is open") {
            guard running.process.isRunning else { throw HarnessError(description: "peerbot exited: \(running.stderr)") }
            return try await fake.streams().open == 1
        }
    }

    /// Waits until the fake holds its `count`th post, and returns that one.
    func waitUntilHeld(_ count: Int = 1) async throws -> HeldPost {
        try await harness.waitUntil("post \(count) is held") { try await fake.held().count >= count }
        return try await fake.held()[count - 1]
    }

    /// Kills `peerbot` while a post is held, checks the entry whose action contains `pendingText`
    /// is still pending (so the kill hit the window), lets `atKill` look at the dead process's
    /// database, releases the fake and starts `peerbot` again.
    func killAndRestart(pendingText: String, atKill: (SQLiteStore) throws -> Void = { _ in }) async throws {
        let running = try #require(runs.last)
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        let pending = try store.rawRows(
            "SELECT id FROM outbox WHERE state = 'pending' AND action LIKE ?", arguments: ["%\(pendingText)%"])
        #expect(pending.count == 1, "the held post is still pending after the kill")
        try atKill(store)
        try await fake.release()
        try await start()
    }

    /// Waits until the outbox has nothing left to deliver: after that no status can still come.
    func waitUntilOutboxIsEmpty() async throws {
        let running = try #require(runs.last)
        try await harness.waitUntil("the outbox is delivered") {
            guard running.process.isRunning else { throw HarnessError(description: "peerbot exited: \(running.stderr)") }
            return try store.read { try $0.outboxDepth() } == 0
        }
    }

    /// The statuses created whose text contains `text`.
    func statuses(containing text: String) async throws -> [PostedStatus] {
        try await fake.statuses().filter { $0.text.contains(text) }
    }

    /// The held post went out twice in all: held, then one retry with the same Idempotency-Key.
    /// With the response lost the status existed and the retry got it back; with the request lost it did not.
    func expectOneRetry(of held: HeldPost, responseLost: Bool) async throws {
        #expect(held.accepted == responseLost)
        let key = try #require(held.idempotencyKey)
        let posts = try await fake.requests().filter { $0.method == "POST" && $0.path == "/api/v1/statuses" && $0.idempotencyKey == key }
        #expect(posts.count == 2, "the held post and one retry with the same Idempotency-Key")
        #expect(try await fake.statuses().filter { $0.idempotencyKey == key }.count == 1, "one status for the key")
    }

    /// Stops `peerbot` and the fake; no log of any start holds the token.
    func stop() async {
        runs.last?.terminate()
        for run in runs { #expect(!run.stderr.contains(FakeMastodon.token)) }
        await fake.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
