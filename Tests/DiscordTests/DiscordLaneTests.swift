import Adapters
import PeerBot
import Testing

/// Every Discord request for an outbox entry waits at the rate limiter in
/// the entry's lane: acknowledgements and escalation answers queued urgent
/// (sends and private replies) are not held behind bulk traffic, and a page
/// is urgent whatever lane it came from.
@Suite struct DiscordLaneTests {
    let channel = ChannelRef(platform: .discord, space: Payloads.guild, id: Payloads.channel, name: "general")
    let member = MemberRef(platform: .discord, id: Payloads.alice, handle: "@alice")

    @Test func theLimiterLaneIsTheOutboxLane() {
        let actions: [OutboundAction] = [
            .send(channel: channel, text: "Sam has acknowledged ticket #3."),
            .replyPrivately(member: member, text: "A facilitator has acknowledged your request.", origin: nil),
            .react(channel: channel, messageID: "900000000000000070", emoji: "✅"),
        ]
        for action in actions {
            #expect(DiscordAdapter.priority(of: action, lane: .urgent) == .urgent, "\(action)")
            #expect(DiscordAdapter.priority(of: action, lane: .normal) == .normal, "\(action)")
        }
    }

    @Test func aPageIsAlwaysUrgent() {
        let page = OutboundAction.page(channel: channel, text: "Ticket #3", mentions: [], ticket: 3)
        #expect(DiscordAdapter.priority(of: page, lane: .urgent) == .urgent)
        #expect(DiscordAdapter.priority(of: page, lane: .normal) == .urgent)
    }
}
