import Adapters
import Foundation
import Testing

@Suite struct MastodonStreamFrameTests {
    @Test func recordedMentionNotificationFrame() throws {
        let frames = try Cassettes.receivedFrames("test_stream_websocket_user_direct.ws.yaml")
        let parsed = try frames.map { try MastodonStreamFrame.parse($0) }
        #expect(parsed.count == 3)
        #expect(parsed[0] == .otherEvent("update"))
        #expect(parsed[2] == .otherEvent("conversation"))
        guard case .notification(let notification) = parsed[1] else {
            Issue.record("expected a notification, got \(parsed[1])")
            return
        }
        #expect(notification.id == "8")
        #expect(notification.type == "mention")
        #expect(notification.isMention)
        #expect(notification.account.acct == "admin")
        #expect(notification.account.bot == false)
        let status = try #require(notification.status)
        #expect(status.id == "117446504706075486")
        #expect(status.visibility == "direct")
        #expect(status.mentions.map(\.acct) == ["mastodonpy_test"])
        #expect(status.mentions.first?.url == "http://localhost:3000/@mastodonpy_test")
        #expect(MastodonHTMLText.plainText(status.content) == "WebSocket direct stream test")
        let created = try #require(notification.createdDate)
        #expect(abs(created.timeIntervalSince1970 - 1_792_091_442.557) < 0.001)
    }

    @Test func recordedUpdateDeleteAndErrorFrames() throws {
        let shared = try Cassettes.receivedFrames("test_stream_user_shared_websocket.ws.yaml")
        #expect(try shared.map { try MastodonStreamFrame.parse($0) } == [.otherEvent("update")])
        // `delete` carries a bare status id as its payload, not JSON: still a frame.
        let hashtag = try Cassettes.receivedFrames("test_stream_websocket_hashtag[True].ws.yaml")
        #expect(try hashtag.map { try MastodonStreamFrame.parse($0) }.prefix(2) == [.otherEvent("delete"), .otherEvent("delete")])
        let error = try Cassettes.receivedFrames("test_stream_websocket_subscription_error.ws.yaml")
        #expect(try error.map { try MastodonStreamFrame.parse($0) } == [.serverError(message: "Unknown stream type", status: 400)])
    }

    @Test func payloadIsAJSONStringInsideJSON() throws {
        let inner = #"{"id":"42","type":"follow","created_at":"2026-01-01T00:00:00Z","account":{"id":"1","username":"a","acct":"a"}}"#
        let outer = try JSONSerialization.data(withJSONObject: ["event": "notification", "payload": inner, "stream": ["user:notification"]])
        guard case .notification(let notification) = try MastodonStreamFrame.parse(outer) else {
            Issue.record("not a notification")
            return
        }
        #expect(notification.id == "42")
        #expect(notification.type == "follow")
        #expect(notification.status == nil)
        #expect(!notification.isMention)
    }

    @Test func malformedFramesThrowWithoutContent() {
        let cases: [(String, MastodonStreamFrameError)] = [
            ("not json at all", .notAnEnvelope),
            ("[1,2,3]", .notAnEnvelope),
            (#"{"payload":"{}"}"#, .missingEvent),
            (#"{"event":"notification"}"#, .malformedPayload(event: "notification")),
            (#"{"event":"notification","payload":"{not json"}"#, .malformedPayload(event: "notification")),
            (#"{"event":"notification","payload":"{\"id\":\"1\"}"}"#, .malformedPayload(event: "notification")),
            // The payload must be a string holding JSON, not an object.
            (#"{"event":"notification","payload":{"id":"1"}}"#, .notAnEnvelope),
        ]
        for (text, expected) in cases {
            #expect(throws: expected) { try MastodonStreamFrame.parse(text) }
        }
        let huge = Data(repeating: UInt8(ascii: " "), count: MastodonStreamFrame.maximumBytes + 1)
        #expect(throws: MastodonStreamFrameError.tooLarge(bytes: huge.count)) { try MastodonStreamFrame.parse(huge) }
    }

    @Test func errorDescriptionsNeverCarryThePayload() {
        let error = MastodonStreamFrameError.malformedPayload(event: "notification")
        #expect(error.description == "the notification payload does not decode")
        #expect(error.kind == "malformed-payload")
    }
}
