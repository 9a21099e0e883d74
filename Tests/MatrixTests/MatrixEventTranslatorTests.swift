import Foundation
import PeerBot
import Testing
@testable import Adapters

@Suite struct MatrixEventTranslatorTests {
    static let bot = "@peerbot:example.org"
    static let room = "!Xy8_opaqueRoomIdWithoutServer"

    static func configuration() -> MatrixConfiguration {
        var configuration = MatrixConfiguration()
        configuration.facilitators = ["@riley:other.org"]
        configuration.admins = ["@ada:example.org"]
        return configuration
    }

    static func roomState(powerLevels: [String: Int] = [:], creator: String = "@owner:example.org") -> MatrixRoomState {
        var state = MatrixRoomState(roomID: room)
        state.apply(MatrixEvent(type: "m.room.create", sender: creator, stateKey: "", content: ["room_version": "12"]))
        state.apply(MatrixEvent(type: "m.room.name", sender: creator, stateKey: "", content: ["name": "support"]))
        state.apply(
            MatrixEvent(
                type: "m.room.power_levels", sender: creator, stateKey: "",
                content: ["users": .object(powerLevels.mapValues { .number(Double($0)) }), "users_default": 0]))
        return state
    }

    let translator = MatrixEventTranslator(botUserID: bot, configuration: configuration())

    func text(_ body: String, from sender: String = "@alice:example.org", msgtype: String = "m.text", extra: [String: MatrixJSON] = [:])
        -> MatrixEvent
    {
        var content: [String: MatrixJSON] = ["msgtype": .string(msgtype), "body": .string(body)]
        for (key, value) in extra { content[key] = value }
        return MatrixEvent(type: "m.room.message", eventID: "$e1", sender: sender, originServerTS: 1_800_000_000_000, content: .object(content))
    }

    @Test func aTextMessageBecomesAMessageInAnOpaqueRoom() {
        let context = MatrixEventTranslator.Context(room: Self.roomState(), isTrusted: true)
        let result = translator.translate(text("!resources crisis US"), in: context)
        #expect(result == .event(.message(InboundMessage(
            id: "$e1", author: MemberRef(platform: .matrix, id: "@alice:example.org"), authorRole: .member,
            channel: ChannelRef(platform: .matrix, id: Self.room, name: "support"), text: "!resources crisis US"))))
    }

    @Test func ownEventsNoticesAndEditsAreIgnored() {
        let context = MatrixEventTranslator.Context(room: Self.roomState())
        #expect(translator.translate(text("!help", from: Self.bot), in: context) == .ignored("own event"))
        #expect(translator.translate(text("!help", msgtype: "m.notice"), in: context) == .ignored("notice (bots send those)"))
        let edit = text("* !help", extra: ["m.relates_to": ["rel_type": "m.replace", "event_id": "$e0"]])
        #expect(translator.translate(edit, in: context) == .ignored("edit"))
        let redacted = MatrixEvent(type: "m.room.message", eventID: "$e2", sender: "@alice:example.org", content: [:])
        #expect(translator.translate(redacted, in: context) == .ignored("redacted or empty message"))
    }

    @Test func otherMessageTypesAndEventTypesBecomeUnknown() {
        let context = MatrixEventTranslator.Context(room: Self.roomState())
        #expect(translator.translate(text("cat.png", msgtype: "m.image"), in: context)
            == .event(.unknown(platform: .matrix, kind: "m.room.message/m.image")))
        let poll = MatrixEvent(type: "org.example.poll", eventID: "$p", sender: "@alice:example.org")
        #expect(translator.translate(poll, in: context) == .event(.unknown(platform: .matrix, kind: "org.example.poll")))
    }

    @Test func rolesComeFromListsAndPowerLevelsOfTrustedRooms() {
        let state = Self.roomState(powerLevels: ["@sam:example.org": 50, "@mod:example.org": 100, "@low:example.org": 49])
        let trusted = MatrixEventTranslator.Context(room: state, isTrusted: true)
        #expect(translator.role(of: "@sam:example.org", in: trusted) == .facilitator)
        #expect(translator.role(of: "@mod:example.org", in: trusted) == .admin)
        #expect(translator.role(of: "@low:example.org", in: trusted) == .member)
        #expect(translator.role(of: "@riley:other.org", in: trusted) == .facilitator)
        #expect(translator.role(of: "@ada:example.org", in: trusted) == .admin)
        // Room version 12: the creator outranks every power level without being listed.
        #expect(translator.role(of: "@owner:example.org", in: trusted) == .admin)
        // In a room PeerBot joined on someone's invite, that room's power levels grant nothing…
        let invited = MatrixEventTranslator.Context(room: state, isTrusted: false)
        #expect(translator.role(of: "@sam:example.org", in: invited) == .member)
        #expect(translator.role(of: "@owner:example.org", in: invited) == .member)
        // …but the facilitators' room's power levels count everywhere, DMs included.
        let direct = MatrixEventTranslator.Context(room: MatrixRoomState(roomID: "!dm"), isDirect: true, facilitatorsRoom: state)
        #expect(translator.role(of: "@sam:example.org", in: direct) == .facilitator)
        #expect(translator.role(of: "@alice:example.org", in: direct) == .member)
    }

    @Test func olderRoomVersionsDoNotPrivilegeCreators() {
        var state = MatrixRoomState(roomID: "!old:example.org")
        state.apply(MatrixEvent(type: "m.room.create", sender: "@owner:example.org", stateKey: "", content: ["room_version": "10"]))
        #expect(state.powerLevel(of: "@owner:example.org") == 0)
        state.apply(MatrixEvent(type: "m.room.power_levels", sender: "@owner:example.org", stateKey: "",
                                content: ["users": ["@owner:example.org": "100"], "users_default": 5]))
        #expect(state.powerLevel(of: "@owner:example.org") == 100)
        #expect(state.powerLevel(of: "@anyone:example.org") == 5)
    }

    @Test func aCheckMarkReactionBecomesAReactionOnTheAnnotatedEvent() {
        let context = MatrixEventTranslator.Context(room: Self.roomState(powerLevels: ["@sam:example.org": 50]), isTrusted: true)
        let reaction = MatrixEvent(
            type: "m.reaction", eventID: "$r1", sender: "@sam:example.org",
            content: ["m.relates_to": ["rel_type": "m.annotation", "event_id": "$page", "key": "✅\u{FE0F}"]])
        #expect(translator.translate(reaction, in: context) == .event(.reaction(InboundReaction(
            member: MemberRef(platform: .matrix, id: "@sam:example.org"), memberRole: .facilitator,
            channel: ChannelRef(platform: .matrix, id: Self.room, name: "support"), messageID: "$page", emoji: "✅"))))
        let thumbs = MatrixEvent(
            type: "m.reaction", eventID: "$r2", sender: "@sam:example.org",
            content: ["m.relates_to": ["rel_type": "m.annotation", "event_id": "$page", "key": "👍"]])
        guard case .event(.reaction(let other)) = translator.translate(thumbs, in: context) else {
            Issue.record("expected a reaction")
            return
        }
        #expect(other.emoji == "👍")
        let broken = MatrixEvent(type: "m.reaction", eventID: "$r3", sender: "@sam:example.org", content: ["m.relates_to": [:]])
        #expect(translator.translate(broken, in: context) == .ignored("reaction without an annotation"))
    }

    @Test func aJoinBecomesMemberJoinedButProfileChangesAndDMsDoNot() {
        let context = MatrixEventTranslator.Context(room: Self.roomState())
        let join = MatrixEvent(
            type: "m.room.member", eventID: "$j", sender: "@dana:example.org", stateKey: "@dana:example.org",
            content: ["membership": "join"], unsigned: ["prev_content": ["membership": "invite"]])
        #expect(translator.translate(join, in: context) == .event(.memberJoined(MemberJoin(
            member: MemberRef(platform: .matrix, id: "@dana:example.org"),
            channel: ChannelRef(platform: .matrix, id: Self.room, name: "support")))))
        var rename = join
        rename.unsigned = ["prev_content": ["membership": "join", "displayname": "D"]]
        #expect(translator.translate(rename, in: context) == .ignored("membership change"))
        let direct = MatrixEventTranslator.Context(room: Self.roomState(), isDirect: true)
        #expect(translator.translate(join, in: direct) == .ignored("joined a direct-message room"))
    }

    @Test func repliesLoseTheirQuotedFallbackAndKeepMentions() {
        let context = MatrixEventTranslator.Context(room: Self.roomState())
        let reply = text(
            "> <@sam:example.org> how are you?\n> second line\n\n!checkin",
            extra: ["m.relates_to": ["m.in_reply_to": ["event_id": "$q"]], "m.mentions": ["user_ids": ["@sam:example.org", "bogus"]]])
        guard case .event(.message(let message)) = translator.translate(reply, in: context) else {
            Issue.record("expected a message")
            return
        }
        #expect(message.text == "!checkin")
        #expect(message.mentions == [MemberRef(platform: .matrix, id: "@sam:example.org")])
        // A message that merely starts with ">" but is no reply keeps its text.
        guard case .event(.message(let quote)) = translator.translate(text("> not a reply"), in: context) else {
            Issue.record("expected a message")
            return
        }
        #expect(quote.text == "> not a reply")
    }

    @Test func theRecordedTimelineTranslatesFromTheBotsJoinOn() throws {
        let sync = try JSONDecoder().decode(MatrixSyncResponse.self, from: MatrixSyncResponseTests.fixture("sync-joined"))
        let room = try #require(sync.rooms.join.values.first)
        let translator = MatrixEventTranslator(botUserID: "@peerbot:localhost", configuration: MatrixConfiguration())
        var state = MatrixRoomState(roomID: "!BSgbw_kBzE4TsDJU2eCbN3rU1YMtHkc9Pyo4chcHi2U")
        room.state.events.forEach { state.apply($0) }
        let events = room.timeline.events
        let first = MatrixTimeline.firstLiveIndex(of: events, botUserID: "@peerbot:localhost", isInitialSync: false)
        #expect(first == 4)
        var kinds: [String] = []
        for event in events[first...] {
            state.apply(event)
            switch translator.translate(event, in: MatrixEventTranslator.Context(room: state)) {
            case .event(.message(let message)): kinds.append("message \(message.text)")
            case .event(.reaction(let reaction)): kinds.append("reaction \(reaction.emoji)")
            case .event(.memberJoined(let join)): kinds.append("joined \(join.member.id)")
            case .event(let other): kinds.append("\(other)")
            case .ignored(let why): kinds.append("ignored \(why)")
            }
        }
        #expect(kinds == [
            "message !resources crisis US", "message !facilitator", "joined @sam:localhost", "reaction ✅",
            "ignored notice (bots send those)",
        ])
        #expect(MatrixTimeline.firstLiveIndex(of: events, botUserID: "@peerbot:localhost", isInitialSync: true) == events.count)
    }
}
