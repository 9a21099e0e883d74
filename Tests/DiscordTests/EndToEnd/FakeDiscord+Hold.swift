import Foundation
import Testing

/// Holding a request in the fake Discord, so a test can kill the bot at an
/// exact point of a delivery rather than at a moment it hopes is right.
extension FakeDiscord {
    /// What happens to a held request.
    enum Loss: String, Sendable, CaseIterable, CustomTestStringConvertible {
        /// The message is created, then the response never comes back (a proxy lost it).
        case response
        /// Nothing is created and no response ever comes (the request never got through).
        case request

        var testDescription: String { self == .response ? "the response is lost" : "the request is lost" }
    }

    /// Holds the next `POST` to `channel` whose content contains a match of `content` (a regex).
    func hold(postTo channel: String, content: String, loss: Loss) async throws {
        let body: [String: Any] = [
            "method": "POST", "path": "/api/v10/channels/\(channel)/messages", "content": content, "accept": loss == .response,
        ]
        let data = try JSONSerialization.data(withJSONObject: body)
        try await control("/_test/hold", String(decoding: data, as: UTF8.self))
    }

    /// The requests held so far.
    func held() async throws -> [JSONValue] {
        try JSONValue.parse(try await http.get(peer.url("http", "/_test/held")).body)["held"]?.array ?? []
    }

    /// Waits (with a generous deadline) until `count` requests are held; returns them.
    @discardableResult
    func waitUntilHeld(_ count: Int = 1, seconds: Double = 30) async throws -> [JSONValue] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let held = try await held()
            if held.count >= count { return held }
            try await Task.sleep(for: .milliseconds(20))
        }
        let seen = (try? await records())?.map(Self.summary).joined(separator: "\n") ?? "(no log)"
        Issue.record("the fake Discord never held \(count) request(s). It saw:\n\(seen)")
        throw FakeDiscordError.timedOut("held requests")
    }

    /// No more holds; held requests end (a lost request is dropped, a lost response written to nobody).
    func release() async throws {
        try await control("/_test/release", "{}")
    }

    /// The messages that exist in a channel, in order (after nonce deduplication).
    func messages(in channel: String) async throws -> [JSONValue] {
        try JSONValue.parse(try await http.get(peer.url("http", "/_test/messages?channel=\(channel)")).body)["messages"]?.array ?? []
    }

    /// The messages in `channel` whose content contains `text`.
    func messages(in channel: String, containing text: String) async throws -> [JSONValue] {
        try await messages(in: channel).filter { $0["content"]?.string?.contains(text) == true }
    }

    /// Waits (with a generous deadline) until a message containing `text` exists in `channel`.
    func waitForMessage(in channel: String, containing text: String, seconds: Double = 30) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await !messages(in: channel, containing: text).isEmpty { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        let seen = (try? await records())?.map(Self.summary).joined(separator: "\n") ?? "(no log)"
        Issue.record("no message containing \"\(text)\" in \(channel). The fake saw:\n\(seen)")
        throw FakeDiscordError.timedOut("a message in \(channel)")
    }
}
