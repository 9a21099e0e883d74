import Adapters
import Foundation
import PeerBot

/// What the sync loop does with a `/sync` body (`MatrixClient.call` decodes it
/// with `JSONDecoder`; `MatrixSyncLoop.handle` reads it): `m.direct` account
/// data, invites' stripped state, each joined room's state and timeline through
/// `MatrixRoomState`, `MatrixTimeline` and `MatrixEventTranslator`. The same
/// body is also read as an error response (`MatrixFailure.classify`) and as a
/// `/messages` page filling a timeline gap (`MatrixCatchUp`).
enum MatrixSyncFuzzing {
    static let botUserID = "@peerbot:localhost"

    static let configuration: MatrixConfiguration = {
        var configuration = MatrixConfiguration()
        configuration.userID = botUserID
        configuration.facilitators = ["@sam:localhost"]
        configuration.facilitatorsRoom = "!facilitators"
        configuration.autoJoinFrom = ["@alice:localhost"]
        return configuration
    }()

    static func run(_ data: Data) -> FuzzReport {
        var report = FuzzReport()
        _ = MatrixFailure.classify(status: 429, body: data, retryAfter: nil).description
        if let page = try? JSONDecoder().decode(MatrixMessagesPage.self, from: data) {
            var gap = MatrixCatchUp(
                prevBatch: "t1", previousPosition: "s0", botUserID: botUserID, oldest: Date(timeIntervalSince1970: 0), limit: 200)
            gap.add(page, isHandled: { $0.hasPrefix("$seen") })
            _ = gap.events.count
        }
        let response: MatrixSyncResponse
        do {
            response = try JSONDecoder().decode(MatrixSyncResponse.self, from: data)
        } catch {
            report.rejected += 1
            return report
        }
        report.decoded += 1
        read(response)
        return report
    }

    /// The sync loop's reading of one batch, without the network and the store.
    static func read(_ response: MatrixSyncResponse) {
        var direct: [String: [String]] = [:]
        if let event = response.accountData.events.last(where: { $0.type == MatrixEventType.direct }) {
            for (user, rooms) in event.content.object ?? [:] { direct[user] = rooms.strings }
        }
        for (roomID, invite) in response.rooms.invite.sorted(by: { $0.key < $1.key }) {
            let stripped = invite.inviteState.events
            let own = stripped.last { $0.type == MatrixEventType.member && $0.stateKey == botUserID && $0.membership == "invite" }
            _ = configuration.acceptsInvite(from: own?.sender ?? "")
            _ = stripped.last { $0.type == MatrixEventType.name }?.content["name"]?.string
            _ = roomID
        }
        let translator = MatrixEventTranslator(botUserID: botUserID, configuration: configuration)
        var rooms: [String: MatrixRoomState] = [:]
        for (roomID, joined) in response.rooms.join.sorted(by: { $0.key < $1.key }) {
            var room = rooms[roomID] ?? MatrixRoomState(roomID: roomID)
            for event in joined.state.events { room.apply(event) }
            let timeline = joined.timeline.events
            let first = MatrixTimeline.firstLiveIndex(of: timeline, botUserID: botUserID, isInitialSync: false)
            let isDirect = direct.values.contains { $0.contains(roomID) }
            for (index, event) in timeline.enumerated() {
                room.apply(event)
                guard index >= first, !room.isEncrypted else { continue }
                let context = MatrixEventTranslator.Context(
                    room: room, isDirect: isDirect, isTrusted: roomID == configuration.facilitatorsRoom,
                    facilitatorsRoom: rooms[configuration.facilitatorsRoom])
                _ = translator.translate(event, in: context)
            }
            rooms[roomID] = room
        }
    }
}
