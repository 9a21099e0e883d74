import Foundation
import Logging
import PeerBot

/// The running `/sync` loop: asks `MatrixSyncState` what to do, performs it,
/// turns each batch into events for the runtime and keeps per-room state.
/// Owned by the adapter's run task and never shared.
final class MatrixSyncLoop {
    let adapter: MatrixAdapter
    let session: MatrixSession
    /// Rooms the admin listed: their power levels grant roles.
    let trusted: Set<String>
    let translator: MatrixEventTranslator
    let filter: MatrixJSON
    var state: MatrixSyncState
    var rooms: [String: MatrixRoomState] = [:]

    var configuration: MatrixConfiguration { adapter.configuration }
    var store: any Store { adapter.store }
    var logger: Logger { adapter.logger }
    var client: MatrixClient { session.client }
    var botUserID: String { session.botUserID }

    /// Events per room and batch; a busier room's timeline comes back `limited`.
    static let timelineLimit = 50

    init(adapter: MatrixAdapter, session: MatrixSession, trusted: Set<String>, since: String?) {
        self.adapter = adapter
        self.session = session
        self.trusted = trusted
        translator = MatrixEventTranslator(botUserID: session.botUserID, configuration: adapter.configuration)
        filter = MatrixFilter.sync(timelineLimit: Self.timelineLimit)
        state = MatrixSyncState(
            since: since, syncTimeout: adapter.configuration.syncTimeout,
            backoff: ExponentialBackoff(base: 1, cap: adapter.configuration.maxBackoff, floor: 0.5))
    }

    /// Runs until cancelled (returns by throwing `CancellationError`) or stopped (throws `MatrixStopReason`).
    func run() async throws {
        while true {
            try Task.checkCancellation()
            switch state.next(now: Date()) {
            case .stop(let reason):
                throw reason
            case .wait(let seconds):
                try await Task.sleep(for: .seconds(seconds))
            case .sync(let request):
                let outcome = try await sync(request)
                state.record(outcome, now: Date(), random: Double.random(in: 0..<1))
            }
        }
    }

    /// One `/sync` call and the handling of its batch.
    private func sync(_ request: MatrixSyncState.Request) async throws -> MatrixSyncState.Outcome {
        do {
            // The server holds the request up to `timeout`; allow for the answer itself on top.
            let response = try await client.call(
                MatrixEndpoint.sync(request, filter: filter), as: MatrixSyncResponse.self, timeout: request.timeout + 30)
            try await handle(response, request: request)
            try store.write { try $0.setCursor(adapter.sinceCursor, to: response.nextBatch) }
            if state.consecutiveFailures > 0 {
                logger.notice("sync resumed", metadata: ["after_failures": "\(state.consecutiveFailures)"])
            }
            adapter.connection.up()
            return .synced(nextBatch: response.nextBatch)
        } catch let failure as MatrixFailure {
            switch failure {
            case .unauthorized(let errcode, _):
                return .fatal(.unknownToken(userID: botUserID, errcode: errcode))
            case .rateLimited(let retryAfter):
                // Throttled, not cut off: the connection stands; the wait is counted.
                adapter.connection.waitedForRateLimit()
                logger.warning("sync rate limited", metadata: ["retry_after_s": "\(retryAfter.map { "\($0)" } ?? "backoff")"])
                return .rateLimited(retryAfter: retryAfter)
            case .unavailable, .rejected, .malformed:
                logFailure(failure)
                adapter.connection.down()
                return .failed(failure.description)
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // A store error: the batch is synced again and deduplicated.
            logFailure(error)
            adapter.connection.down()
            return .failed("\(error)")
        }
    }

    /// The first failure of a run is a warning, repeats are debug (the backoff
    /// already spaces them); a 4xx is an error every time: it will not heal by itself.
    private func logFailure(_ error: any Error) {
        let rejected = if case MatrixFailure.rejected = error { true } else { false }
        let level: Logger.Level = rejected ? .error : state.consecutiveFailures == 0 ? .warning : .debug
        logger.log(level: level, "sync failed; retrying with backoff", metadata: ["reason": "\(error)", "failures": "\(state.consecutiveFailures + 1)"])
    }

    /// Handles one batch: account data, invites, departures, then each joined
    /// room; yields the new events and returns once the runtime handled them all.
    private func handle(_ response: MatrixSyncResponse, request: MatrixSyncState.Request) async throws {
        if let direct = response.accountData.events.last(where: { $0.type == MatrixEventType.direct }) {
            await session.directRooms.load(direct.content)
        }
        for (roomID, invite) in response.rooms.invite.sorted(by: { $0.key < $1.key }) {
            try await handleInvite(roomID: roomID, invite: invite)
        }
        for roomID in response.rooms.leave.keys.sorted() {
            rooms[roomID] = nil
            await session.directRooms.forget(roomID)
        }
        var batch: [(eventID: String?, event: InboundEvent)] = []
        for (roomID, joined) in response.rooms.join.sorted(by: { $0.key < $1.key }) {
            batch += try await events(inRoom: roomID, joined, request: request)
        }
        let fresh = try store.read { transaction in
            try batch.filter { item in
                guard let eventID = item.eventID else { return true }
                return try !transaction.hasSeen(platform: .matrix, eventID: eventID)
            }
        }
        if fresh.count < batch.count {
            logger.info("skipped events handled before a restart", metadata: ["count": "\(batch.count - fresh.count)"])
        }
        for item in fresh {
            guard await adapter.tracker.expect(item.eventID) else { break }
            adapter.continuation.yield(item.event)
        }
        await adapter.tracker.waitUntilIdle()
        try Task.checkCancellation()
    }

    /// One joined room's new state and events, translated from the first live one.
    private func events(
        inRoom roomID: String, _ joined: MatrixSyncResponse.JoinedRoom, request: MatrixSyncState.Request
    ) async throws -> [(eventID: String?, event: InboundEvent)] {
        let initial = request.since == nil
        var room = rooms[roomID] ?? MatrixRoomState(roomID: roomID)
        for event in joined.state.events { room.apply(event) }
        var timeline = joined.timeline.events
        if joined.timeline.limited, !initial, !timeline.contains(where: { MatrixTimeline.isOwnJoin($0, botUserID: botUserID) }) {
            timeline = try await fillGap(roomID: roomID, timeline: joined.timeline, previousPosition: request.since) + timeline
        }
        let first = MatrixTimeline.firstLiveIndex(of: timeline, botUserID: botUserID, isInitialSync: initial)
        let isDirect = await session.directRooms.isDirect(roomID)
        let directMember = isDirect ? await session.directRooms.member(ofRoom: roomID) : nil
        var result: [(eventID: String?, event: InboundEvent)] = []
        for (index, event) in timeline.enumerated() {
            room.apply(event)
            if let directMember, event.type == MatrixEventType.member, event.stateKey == directMember,
                ["leave", "ban"].contains(event.membership ?? "")
            {
                await session.directRooms.forget(roomID)
            }
            guard index >= first, !room.isEncrypted else { continue }
            let context = MatrixEventTranslator.Context(
                room: room, isDirect: isDirect, isTrusted: trusted.contains(roomID),
                facilitatorsRoom: roomID == configuration.facilitatorsRoom ? room : rooms[configuration.facilitatorsRoom])
            switch translator.translate(event, in: context) {
            case .event(let inbound):
                result.append((event.eventID, inbound))
            case .ignored(let why):
                logger.trace("event ignored", metadata: ["event": "\(event.eventID ?? "-")", "why": "\(why)"])
            }
        }
        rooms[roomID] = room
        if room.isEncrypted {
            let inviter = try store.read { try $0.cursor(inviterCursor(roomID)) }
            await tellAboutEncryption(roomID: roomID, roomName: room.name, inviter: inviter)
        }
        return result
    }

    /// Pages back over a `limited` timeline's gap (policy in `MatrixCatchUp`).
    private func fillGap(roomID: String, timeline: MatrixSyncResponse.Timeline, previousPosition: String?) async throws -> [MatrixEvent] {
        var gap = MatrixCatchUp(
            prevBatch: timeline.prevBatch, previousPosition: previousPosition, botUserID: botUserID,
            oldest: Date().addingTimeInterval(-configuration.catchUpWindow), limit: configuration.catchUpLimit)
        while let from = gap.from {
            let page: MatrixMessagesPage
            do {
                page = try await client.call(
                    MatrixEndpoint.messages(room: roomID, from: from, to: gap.to, limit: 100), as: MatrixMessagesPage.self)
            } catch MatrixFailure.rejected(let status, let errcode) {
                logger.warning("cannot fill a gap in a room's timeline", metadata: ["room": "\(roomID)", "status": "\(status)", "errcode": "\(errcode)"])
                break
            }
            let handled = try store.read { transaction in
                Set(try page.chunk.compactMap(\.eventID).filter { try transaction.hasSeen(platform: .matrix, eventID: $0) })
            }
            gap.add(page, isHandled: handled.contains)
        }
        logger.info(
            "filled a gap in a room's timeline",
            metadata: ["room": "\(roomID)", "events": "\(gap.events.count)", "stop": "\(gap.stop?.rawValue ?? "error")"])
        return gap.events
    }

    func inviterCursor(_ roomID: String) -> String { "matrix:\(botUserID):inviter:\(roomID)" }
}
