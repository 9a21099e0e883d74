import Foundation
import Testing
@testable import PeerBot

/// The outbox writes actions with its own JSON writer; `JSONDecoder` must read
/// them back, and they must say exactly what `JSONEncoder` would have said.
@Suite struct OutboundActionJSONTests {
    static let texts = [
        "", "plain", "quote \" and backslash \\ and slash /", "lines\nand\r\ttabs", "control \u{01}\u{1f}\u{7f} bytes",
        "naïve café — “typographic” ✅ 🫂 👩🏽‍⚕️", "{\"looks\": [\"like\", \"json\"]}",
    ]

    static var actions: [OutboundAction] {
        let channel = ChannelRef(platform: .discord, space: "guild 1", id: "c\"1", name: "général", isDirect: false)
        let bare = ChannelRef(platform: .matrix, id: "!room:example.org")
        let direct = ChannelRef(platform: .console, space: "console", id: "dm:alice", isDirect: true)
        let alice = MemberRef(platform: .discord, id: "123", handle: "alice \\ “A”")
        let bob = MemberRef(platform: .matrix, id: "@bob:example.org")
        var actions: [OutboundAction] = []
        for text in texts {
            actions.append(.send(channel: channel, text: text))
            actions.append(.send(channel: bare, text: text))
            actions.append(.replyPrivately(member: alice, text: text, origin: nil))
            actions.append(.replyPrivately(member: bob, text: text, origin: MessageOrigin(channel: direct, messageID: text)))
            actions.append(.page(channel: channel, text: text, mentions: [alice, bob], ticket: 42))
            actions.append(.react(channel: bare, messageID: "$event\(text)", emoji: text))
        }
        actions.append(.page(channel: bare, text: "no one on the rota", mentions: [], ticket: -1))
        actions.append(.page(channel: bare, text: "big", mentions: [bob], ticket: Int.max))
        return actions
    }

    @Test func everyActionReadsBackAndMatchesJSONEncoder() throws {
        for action in Self.actions {
            let fast = Data(action.outboxJSON.utf8)
            #expect(try JSONDecoder().decode(OutboundAction.self, from: fast) == action)
            let standard = try JSONEncoder().encode(action)
            let ours = try JSONSerialization.jsonObject(with: fast) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: standard) as? NSDictionary
            // Key by key, handles included (`MemberRef`'s == ignores them).
            #expect(ours != nil && ours == theirs, "\(action.outboxJSON)")
        }
    }

    @Test func theOutboxStoresAndDeliversWhatWasEmitted() async throws {
        let temporary = TemporaryDirectory()
        let store = try SQLiteStore(path: temporary.path("json.sqlite"))
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        try store.write { transaction in
            for action in Self.actions { _ = try transaction.enqueue(action, lane: .normal, tag: nil, at: start) }
        }
        let due = try store.read { try $0.dueOutboxEntries(at: start, limit: 1_000) }
        #expect(due.map(\.action) == Self.actions)
    }
}
