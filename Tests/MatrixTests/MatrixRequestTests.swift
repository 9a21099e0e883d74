import Foundation
import PeerBot
import Testing
@testable import Adapters

/// The exact requests and contents PeerBot sends, without a server.
@Suite struct MatrixRequestTests {
    @Test func sendUsesTheOutboxKeyAsTxnIdAndEscapesOpaqueIds() {
        let endpoint = MatrixEndpoint.send(
            room: "!AbC_d-e+f/g:old.example", eventType: "m.room.message", transactionID: "pb-3f2a", content: MatrixMessageContent.notice("hi"))
        #expect(endpoint.method == "PUT")
        #expect(endpoint.path == "/_matrix/client/v3/rooms/%21AbC_d-e%2Bf%2Fg%3Aold.example/send/m.room.message/pb-3f2a")
        #expect(MatrixEndpoint.segment("$ev/ent+id") == "%24ev%2Fent%2Bid")
        #expect(MatrixEndpoint.segment("@sam:example.org") == "%40sam%3Aexample.org")
        #expect(MatrixEndpoint.join("#support:example.org").path == "/_matrix/client/v3/join/%23support%3Aexample.org")
    }

    @Test func syncCarriesTheFilterPositionTimeoutAndFullState() throws {
        let endpoint = MatrixEndpoint.sync(
            MatrixSyncState.Request(since: "s72_1", timeout: 30, fullState: true), filter: MatrixFilter.sync(timelineLimit: 50))
        let query = Dictionary(uniqueKeysWithValues: endpoint.query.map { ($0.name, $0.value ?? "") })
        #expect(query["timeout"] == "30000")
        #expect(query["since"] == "s72_1")
        #expect(query["full_state"] == "true")
        let filter = try JSONDecoder().decode(MatrixJSON.self, from: Data(try #require(query["filter"]).utf8))
        #expect(filter["room"]?["timeline"]?["types"]?.strings == [
            "m.room.message", "m.reaction", "m.room.member", "m.room.encryption", "m.room.power_levels", "m.room.create", "m.room.name",
        ])
        #expect(filter["room"]?["timeline"]?["limit"]?.integer == 50)
        #expect(filter["room"]?["state"]?["types"]?.strings == ["m.room.create", "m.room.power_levels", "m.room.encryption", "m.room.name"])
        #expect(filter["presence"]?["types"]?.strings == [])
        #expect(filter["account_data"]?["types"]?.strings == ["m.direct"])
        let first = MatrixEndpoint.sync(MatrixSyncState.Request(since: nil, timeout: 0, fullState: false), filter: [:])
        #expect(!first.query.contains { $0.name == "since" || $0.name == "full_state" })
    }

    @Test func repliesAreNoticesThatMentionNoOne() throws {
        let content = MatrixMessageContent.notice("Help lines for crisis in US:\n  • 988")
        #expect(String(decoding: try content.encoded(), as: UTF8.self)
            == #"{"body":"Help lines for crisis in US:\n  • 988","m.mentions":{},"msgtype":"m.notice"}"#)
    }

    @Test func pagesAreTextWithMentionsAndPills() throws {
        let content = MatrixMessageContent.page("Ticket #3: <alice> asked\nfor a facilitator", mentioning: ["@sam:example.org", "not-a-user"])
        #expect(content["msgtype"] == "m.text")
        #expect(content["m.mentions"]?["user_ids"]?.strings == ["@sam:example.org"])
        #expect(content["body"]?.string == "@sam:example.org: Ticket #3: <alice> asked\nfor a facilitator")
        #expect(content["format"] == "org.matrix.custom.html")
        #expect(content["formatted_body"]?.string
            == #"<a href="https://matrix.to/#/@sam:example.org">@sam:example.org</a>: Ticket #3: &lt;alice&gt; asked<br>for a facilitator"#)
        let nobody = MatrixMessageContent.page("no one on duty", mentioning: [])
        #expect(nobody["msgtype"] == "m.text" && nobody["formatted_body"] == nil)
    }

    @Test func reactionsAnnotateTheirTarget() {
        #expect(MatrixMessageContent.reaction(to: "$page", key: "✅")
            == ["m.relates_to": ["rel_type": "m.annotation", "event_id": "$page", "key": "✅"]])
    }

    @Test func directRoomsAreCreatedAsDMsWithoutRaisingTheMember() {
        let endpoint = MatrixEndpoint.createDirectRoom(with: "@alice:example.org", name: "PeerBot", marker: "m-1")
        #expect(endpoint.body?["is_direct"] == true)
        #expect(endpoint.body?["preset"] == "private_chat")
        #expect(endpoint.body?["invite"]?.strings == ["@alice:example.org"])
        // The marker lands in m.room.create, where a lost creation is found again.
        #expect(endpoint.body?["creation_content"]?["org.peerbot.direct_room"] == "m-1")
    }

    @Test func aCreatedRoomIsLookedForThroughJoinedRoomsAndItsCreateEvent() {
        #expect(MatrixEndpoint.joinedRooms().path == "/_matrix/client/v3/joined_rooms")
        let create = MatrixEndpoint.stateEvent(room: "!a:example.org", type: "m.room.create")
        #expect(create.method == "GET")
        #expect(create.path == "/_matrix/client/v3/rooms/%21a%3Aexample.org/state/m.room.create/")
    }

    @Test func passwordLoginUsesTheFixedDeviceAndNoToken() {
        let endpoint = MatrixEndpoint.login(user: "@peerbot:example.org", password: "pw", deviceID: "PEERBOT")
        #expect(!endpoint.authenticated)
        #expect(endpoint.body?["device_id"] == "PEERBOT")
        #expect(endpoint.body?["identifier"]?["user"] == "@peerbot:example.org")
    }

    @Test func gapFillingPagesBackwardsToThePreviousPosition() {
        let endpoint = MatrixEndpoint.messages(room: "!r", from: "t9", to: "s5", limit: 50)
        let query = Dictionary(uniqueKeysWithValues: endpoint.query.map { ($0.name, $0.value ?? "") })
        #expect(endpoint.path == "/_matrix/client/v3/rooms/%21r/messages")
        #expect(query["dir"] == "b" && query["from"] == "t9" && query["to"] == "s5" && query["limit"] == "50")
    }
}
