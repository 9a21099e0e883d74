import Foundation
import LoopbackPeers
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

    /// Holds the post whose text matches `match`, runs `trigger` (which makes the bot post it),
    /// kills `peerbot` while the post is held — checking its entry is still pending, so the kill
    /// hit the window, and letting `atKill` look at the dead process's database — and starts it
    /// again with the fake healthy. Once the outbox is empty, checks the post went out twice in
    /// all with one Idempotency-Key (held, then one retry) and returns the statuses whose text
    /// contains `match`.
    func postAcrossAKill(
        _ match: String, responseLost: Bool, atKill: (SQLiteStore) throws -> Void = { _ in },
        trigger: () async throws -> Void
    ) async throws -> [PostedStatus] {
        let heldBefore = try await fake.held().count
        try await fake.holdStatusPost(matching: match, accept: responseLost)
        try await trigger()
        try await harness.waitUntil("the post is held") { try await fake.held().count > heldBefore }
        let held = try await fake.held()[heldBefore]

        let running = try #require(runs.last)
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        let pending = try store.rawRows(
            "SELECT id FROM outbox WHERE state = 'pending' AND action LIKE ?", arguments: ["%\(match)%"])
        #expect(pending.count == 1, "the held post is still pending after the kill")
        try atKill(store)
        try await fake.release()
        try await start()
        try await store.waitUntilOutboxIsEmpty()

        // With the response lost the status existed and the retry got it back; with the request lost it did not.
        #expect(held.accepted == responseLost)
        let key = try #require(held.idempotencyKey)
        let posts = try await fake.requests().filter { $0.method == "POST" && $0.path == "/api/v1/statuses" && $0.idempotencyKey == key }
        #expect(posts.count == 2, "the held post and one retry with the same Idempotency-Key")
        let statuses = try await fake.statuses()
        #expect(statuses.filter { $0.idempotencyKey == key }.count == 1, "one status for the key")
        return statuses.filter { $0.text.contains(match) }
    }

    /// The statuses created whose text contains `text`.
    func statuses(containing text: String) async throws -> [PostedStatus] {
        try await fake.statuses().filter { $0.text.contains(text) }
    }

    /// Stops `peerbot` and the fake; no log of any start holds the token.
    func stop() async {
        await runs.last?.terminate()
        for run in runs { #expect(!run.stderr.contains(FakeMastodon.token)) }
        await fake.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
