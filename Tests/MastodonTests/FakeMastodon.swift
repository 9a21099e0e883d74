import Adapters
import Foundation
import LoopbackPeers

/// The loopback fake Mastodon (`Tests/Peers/mastodon_server.py`): recorded
/// responses, the streaming WebSocket, a request log and test controls.
final class FakeMastodon: Sendable {
    static let token = "peerbot-test-token-5f2c9a"

    let peer: LoopbackPeer
    private let http: HTTPClient

    private init(peer: LoopbackPeer, http: HTTPClient) {
        self.peer = peer
        self.http = http
    }

    /// Starts a fake; `arguments` are extra flags (`--no-streaming`, `--max-characters 200`, …);
    /// `token` is the one access token it accepts.
    static func start(arguments: [String] = [], token: String = token) async throws -> FakeMastodon {
        let peer = try await LoopbackPeer.start(
            .mastodon, arguments: ["--fixtures", Cassettes.directory.path, "--token", token] + arguments)
        return FakeMastodon(peer: peer, http: try HTTPClient())
    }

    var instanceURL: URL { peer.url("http", "") }

    func stop() async {
        peer.stop()
        await http.shutdown()
    }

    // MARK: controls

    /// A mention of the bot by `from` (an account key such as `admin` or `sam@other.example`).
    @discardableResult
    func mention(_ text: String, from: String = "admin", stream: Bool = true, bot: Bool = false) async throws -> MastodonNotification {
        let body: [String: Any] = ["text": text, "from": from, "stream": stream, "bot": bot]
        return try JSONDecoder().decode(MastodonNotification.self, from: try await control("/_test/mention", body))
    }

    /// Streams a notification again, as a duplicate.
    func replay(_ notification: MastodonNotification) async throws {
        _ = try await control("/_test/replay", ["id": notification.id])
    }

    /// The next `count` reads of the notifications fail with 502.
    func failNotificationReads(count: Int) async throws {
        _ = try await control("/_test/notifications/fail", ["count": count])
    }

    /// Deletes a status: replies to it are answered 404, as Mastodon does.
    func delete(statusID: String) async throws {
        _ = try await control("/_test/delete", ["id": statusID])
    }

    /// Sends a raw text frame to every open stream.
    func frame(_ text: String) async throws {
        _ = try await control("/_test/frame", ["text": text])
    }

    /// Aborts every stream (no close frame) and refuses the next `refuse` handshakes.
    func dropStreams(refuse: Int = 0) async throws {
        _ = try await control("/_test/drop", ["refuse": refuse])
    }

    /// Refuses the next `count` stream handshakes (0: accepts them again); open streams stay.
    func refuseStreams(count: Int) async throws {
        _ = try await control("/_test/refuse", ["count": count])
    }

    /// The next `count` status posts fail with `status` (429: reset `resetIn` s from then).
    func failStatusPosts(count: Int = 1, status: Int, resetIn: Double? = nil, afterCreate: Bool = false) async throws {
        var body: [String: Any] = ["count": count, "status": status, "after_create": afterCreate]
        if let resetIn { body["reset_in"] = resetIn }
        _ = try await control("/_test/statuses/fail", body)
    }

    /// Makes sure the fake knows an account (so its id can be looked up), returning it.
    @discardableResult
    func account(_ key: String) async throws -> MastodonAccount {
        try JSONDecoder().decode(MastodonAccount.self, from: try await control("/_test/account", ["key": key]))
    }

    /// Holds the next status post whose text contains a match of `match`: with `accept` the
    /// status is created and the response stalls; without, nothing is created and no answer comes.
    func holdStatusPost(matching match: String, accept: Bool) async throws {
        _ = try await control("/_test/statuses/hold", ["match": match, "accept": accept])
    }

    /// The status posts held so far.
    func held() async throws -> [HeldPost] {
        try JSONDecoder().decode([HeldPost].self, from: try await fetch("/_test/held"))
    }

    /// No more holds; held posts end (a lost request is dropped, a lost response written to nobody).
    func release() async throws {
        _ = try await control("/_test/release", [:])
    }

    func requests() async throws -> [RecordedRequest] {
        try JSONDecoder().decode([RecordedRequest].self, from: try await fetch("/_test/requests"))
    }

    func statuses() async throws -> [PostedStatus] {
        try JSONDecoder().decode([PostedStatus].self, from: try await fetch("/_test/statuses"))
    }

    func streams() async throws -> (open: Int, connects: Int) {
        struct Streams: Decodable { var open: Int, connects: Int }
        let streams = try JSONDecoder().decode(Streams.self, from: try await fetch("/_test/streams"))
        return (streams.open, streams.connects)
    }

    private func control(_ path: String, _ body: [String: Any]) async throws -> Data {
        let data = try JSONSerialization.data(withJSONObject: body)
        let response = try await http.send(.post(peer.url("http", path), body: data, contentType: "application/json"))
        try response.requireSuccess()
        return response.body
    }

    private func fetch(_ path: String) async throws -> Data {
        let response = try await http.get(peer.url("http", path))
        try response.requireSuccess()
        return response.body
    }
}
