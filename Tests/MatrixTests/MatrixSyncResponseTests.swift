import Foundation
import PeerBot
import Testing
@testable import Adapters

@Suite struct MatrixSyncResponseTests {
    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json") else {
            throw FixtureMissing(name: name)
        }
        return try Data(contentsOf: url)
    }

    struct FixtureMissing: Error { var name: String }

    @Test func decodesAnInviteRecordedFromSynapse() throws {
        let sync = try JSONDecoder().decode(MatrixSyncResponse.self, from: Self.fixture("sync-invite"))
        #expect(sync.nextBatch == "s8_1_0_1_1_1_1_5_0_1_1_1_1_1")
        let invite = try #require(sync.rooms.invite["!BSgbw_kBzE4TsDJU2eCbN3rU1YMtHkc9Pyo4chcHi2U"])
        let own = invite.inviteState.events.first { $0.type == "m.room.member" && $0.stateKey == "@peerbot:localhost" }
        #expect(own?.sender == "@alice:localhost")
        #expect(own?.membership == "invite")
        #expect(own?.eventID == nil)  // stripped state has no id
        #expect(invite.inviteState.events.contains { $0.type == "m.room.create" && $0.content["room_version"] == "12" })
    }

    @Test func decodesAJoinedRoomTimelineRecordedFromSynapse() throws {
        let sync = try JSONDecoder().decode(MatrixSyncResponse.self, from: Self.fixture("sync-joined"))
        let room = try #require(sync.rooms.join["!BSgbw_kBzE4TsDJU2eCbN3rU1YMtHkc9Pyo4chcHi2U"])
        #expect(room.timeline.limited)
        #expect(room.timeline.prevBatch == "s8_1_0_1_1_1_1_5_0_1_1_1_1_1")
        #expect(room.timeline.events.map(\.type) == [
            "m.room.member", "m.room.power_levels", "m.room.member", "m.room.member", "m.room.message",
            "m.room.message", "m.room.member", "m.reaction", "m.room.message",
        ])
        let join = room.timeline.events[3]
        #expect(MatrixTimeline.isOwnJoin(join, botUserID: "@peerbot:localhost"))
        #expect(join.previousMembership == "invite")
        let command = room.timeline.events[4]
        #expect(command.content["body"] == "!resources crisis US")
        #expect(command.sentAt == Date(timeIntervalSince1970: 1_795_339_901.026))
        #expect(room.state.events.map(\.type) == ["m.room.name"])
    }

    @Test func oneMalformedEventDoesNotLoseTheBatch() throws {
        let json = """
            {"next_batch": "s2", "rooms": {"join": {"!r": {"timeline": {"events": [
              {"type": "m.room.message", "sender": "@a:x", "event_id": "$1", "content": {"msgtype": "m.text", "body": "hi"}},
              {"sender": "@a:x", "content": {}},
              42,
              {"type": "m.room.message", "sender": "@a:x", "event_id": "$2", "origin_server_ts": "not a number", "content": null}
            ], "limited": false}}}}, "unexpected": {"field": true}}
            """
        let sync = try JSONDecoder().decode(MatrixSyncResponse.self, from: Data(json.utf8))
        let events = try #require(sync.rooms.join["!r"]).timeline.events
        #expect(events.map(\.eventID) == ["$1", "$2"])
        #expect(events[1].originServerTS == nil)
        #expect(events[1].content == [:])
    }

    @Test func anEmptyBatchDecodes() throws {
        let sync = try JSONDecoder().decode(MatrixSyncResponse.self, from: Data(#"{"next_batch": "s9"}"#.utf8))
        #expect(sync.nextBatch == "s9")
        #expect(sync.rooms.join.isEmpty && sync.rooms.invite.isEmpty)
    }

    @Test func jsonValuesRoundTripWithIntegersKeptWhole() throws {
        let value: MatrixJSON = ["level": 50, "ratio": .number(0.5), "on": true, "none": .null, "list": ["a", 1]]
        let text = String(decoding: try value.encoded(), as: UTF8.self)
        #expect(text == #"{"level":50,"list":["a",1],"none":null,"on":true,"ratio":0.5}"#)
        #expect(try JSONDecoder().decode(MatrixJSON.self, from: Data(text.utf8)) == value)
        #expect(MatrixJSON.string("75").integer == 75)
        #expect(MatrixJSON.number(1.5).integer == nil)
    }
}
