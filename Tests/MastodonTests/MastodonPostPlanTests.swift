import Adapters
import PeerBot
import Testing

@Suite struct MastodonPostPlanTests {
    let facilitators = MastodonAccountList([.account("sam"), .id("404")])
    let alice = MemberRef(platform: .mastodon, id: "101", handle: "@alice@social.example")

    @Test func privateReplyMentionsTheMemberAndAnswersTheOrigin() throws {
        let origin = MessageOrigin(channel: ChannelRef(platform: .mastodon, id: "101/777", isDirect: true), messageID: "777")
        let plan = try MastodonPostPlan.make(for: .replyPrivately(member: alice, text: "hi", origin: origin), facilitators: facilitators)
        #expect(plan == MastodonPostPlan(recipients: [.acct("alice@social.example")], text: "hi", inReplyToID: "777"))
        // Without a handle the account id is looked up.
        let bare = MemberRef(platform: .mastodon, id: "101")
        let told = try MastodonPostPlan.make(for: .replyPrivately(member: bare, text: "x", origin: nil), facilitators: facilitators)
        #expect(told == MastodonPostPlan(recipients: [.accountID("101")], text: "x"))
    }

    @Test func replyInTheConversationChannel() throws {
        let channel = ChannelRef(platform: .mastodon, space: "social.example", id: "101/777", name: "@alice@social.example", isDirect: true)
        let plan = try MastodonPostPlan.make(for: .send(channel: channel, text: "988"), facilitators: facilitators)
        #expect(plan == MastodonPostPlan(recipients: [.acct("alice@social.example")], text: "988", inReplyToID: "777"))
    }

    @Test func pageToDirectMentionsThePagedFacilitatorsOrElseTheConfiguredOnes() throws {
        let direct = ChannelRef(platform: .mastodon, id: "direct")
        let riley = MemberRef(platform: .mastodon, id: "505", handle: "505")
        let console = MemberRef(platform: .console, id: "sam")
        let named = try MastodonPostPlan.make(
            for: .page(channel: direct, text: "Ticket #1", mentions: [riley, console], ticket: 1), facilitators: facilitators)
        #expect(named?.recipients == [.accountID("505")])
        let nobody = try MastodonPostPlan.make(for: .page(channel: direct, text: "Ticket #1", mentions: [], ticket: 1), facilitators: facilitators)
        #expect(nobody?.recipients == [.acct("sam"), .accountID("404")])
        let notice = try MastodonPostPlan.make(for: .send(channel: direct, text: "acknowledged"), facilitators: facilitators)
        #expect(notice?.recipients == [.acct("sam"), .accountID("404")])
    }

    @Test func unusableDestinationsFailPermanently() {
        #expect(throws: DeliveryError.permanent("unknown Mastodon destination \"#general\" (expected mastodon:direct)")) {
            try MastodonPostPlan.make(for: .send(channel: ChannelRef(platform: .mastodon, id: "#general"), text: "x"), facilitators: facilitators)
        }
        #expect(throws: DeliveryError.self) {
            try MastodonPostPlan.make(
                for: .page(channel: ChannelRef(platform: .mastodon, id: "direct"), text: "x", mentions: [], ticket: 1),
                facilitators: MastodonAccountList())
        }
    }

    @Test func reactionsHaveNoMastodonEquivalent() throws {
        #expect(try MastodonPostPlan.make(for: .react(channel: ChannelRef(platform: .mastodon, id: "101/777"), messageID: "777", emoji: "✅"), facilitators: facilitators) == nil)
    }
}

@Suite struct MastodonMentionGuardTests {
    @Test func namesInTheTextDoNotBecomeMentions() {
        let text = "Ticket #1: @alice@social.example asked for a facilitator. Take it with !ack 1 (@sam)."
        let safe = MastodonMentionGuard.neutralized(text)
        #expect(safe == "Ticket #1: @\u{2060}alice@social.example asked for a facilitator. Take it with !ack 1 (@\u{2060}sam).")
        // Invisible: removing the joiners gives the text back.
        #expect(safe.replacingOccurrences(of: "\u{2060}", with: "") == text)
    }

    @Test func whatIsNotAMentionIsLeftAlone() {
        for text in ["mail me at a@b.org", "https://social.example/@alice", "a lone @ sign", "@", "no at all", "@@", "x@_y"] {
            #expect(MastodonMentionGuard.neutralized(text) == text)
        }
        #expect(MastodonMentionGuard.neutralized("@bob") == "@\u{2060}bob")
        #expect(MastodonMentionGuard.neutralized("(@_bob") == "(@\u{2060}_bob")
    }
}
