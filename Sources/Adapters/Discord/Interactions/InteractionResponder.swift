import Foundation
import Logging
import PeerBot

/// Answers interactions inside Discord's 3 seconds, following the
/// `InteractionLedger`: the first answer is the callback; an interaction
/// still unanswered after `deferAfter` is deferred (type 5, ephemeral) and
/// its answer edits the original response; later answers are follow-ups.
/// When an interaction can no longer be answered (token expired, callback
/// refused) the answer goes the ordinary way instead — a direct message or a
/// channel post — so no answer is lost.
public actor InteractionResponder {
    private var ledger: InteractionLedger
    private let rest: DiscordREST
    private let clock: any TransportClock
    private let logger: Logger
    private var timers: [String: Task<Void, Never>] = [:]
    private var deferrals: [String: Task<Bool, Never>] = [:]

    public init(deferAfter: Duration, rest: DiscordREST, clock: any TransportClock, logger: Logger = Logger(label: "peerbot.discord.interactions")) {
        ledger = InteractionLedger(deferAfter: deferAfter)
        self.rest = rest
        self.clock = clock
        self.logger = logger
    }

    /// Records an interaction that just arrived and starts its deferral timer.
    public func register(_ handle: InteractionHandle) {
        if handle.acknowledgeOnly {
            // A button PeerBot does not know: acknowledge without changing anything (type 6).
            let request = DiscordRequest.interactionCallback(
                interactionID: handle.id, token: handle.token,
                body: InteractionCallbackBody(type: InteractionCallbackBody.CallbackType.deferredUpdateMessage.rawValue, data: nil))
            Task { [rest] in try? await rest.send(request, priority: .urgent) }
            return
        }
        let now = clock.now
        ledger.prune(now: now)
        ledger.register(
            PendingInteraction(id: handle.id, token: handle.token, applicationID: handle.applicationID, channelID: handle.channelID, receivedAt: now))
        let due = now + ledger.deferAfter
        let clock = self.clock
        timers[handle.id] = Task {
            try? await clock.sleep(until: due)
            self.deferIfUnanswered(handle.id)
        }
    }

    private func deferIfUnanswered(_ id: String) {
        timers[id] = nil
        guard let interaction = ledger.beginDeferral(id, now: clock.now) else { return }
        let request = DiscordRequest.interactionCallback(interactionID: interaction.id, token: interaction.token, body: .deferred(ephemeral: true))
        let rest = self.rest
        // The task records the outcome itself, so whoever awaits it (an answer
        // that arrived meanwhile) finds the ledger already updated.
        deferrals[id] = Task<Bool, Never> {
            var succeeded = true
            do {
                try await rest.send(request, priority: .urgent)
            } catch {
                logger.warning("could not defer an interaction", metadata: ["error": "\(error)"])
                succeeded = false
            }
            ledger.finishDeferral(id, succeeded: succeeded)
            deferrals[id] = nil
            return succeeded
        }
    }

    /// Delivers a private answer to the interaction `originID` when it is one
    /// that can still be answered; otherwise calls `fallback` (a direct message).
    public func answerPrivately(
        originID: String?, parts: [String], components: [ActionRow]?,
        fallback: @Sendable () async throws(DiscordRESTError) -> DeliveryReceipt
    ) async throws(DiscordRESTError) -> DeliveryReceipt {
        guard let originID else { return try await fallback() }
        if let inFlight = deferrals[originID] { _ = await inFlight.value }
        guard let (interaction, delivery) = ledger.routePrivate(to: originID, now: clock.now) else { return try await fallback() }
        return try await deliver(parts, components: components, via: interaction, delivery, ephemeral: true, fallback: fallback)
    }

    /// Delivers a public message in `channelID`: as the response to an
    /// interaction from that channel still waiting for one, else through `post`.
    public func answerPublicly(
        channelID: String, parts: [String], post: @Sendable () async throws(DiscordRESTError) -> DeliveryReceipt
    ) async throws(DiscordRESTError) -> DeliveryReceipt {
        for (id, task) in deferrals { if ledger.interactions[id]?.channelID == channelID { _ = await task.value } }
        guard let (interaction, delivery) = ledger.routePublic(in: channelID, now: clock.now) else { return try await post() }
        return try await deliver(parts, components: nil, via: interaction, delivery, ephemeral: false, fallback: post)
    }

    private func deliver(
        _ parts: [String], components: [ActionRow]?, via interaction: PendingInteraction, _ delivery: InteractionLedger.Delivery,
        ephemeral: Bool, fallback: @Sendable () async throws(DiscordRESTError) -> DeliveryReceipt
    ) async throws(DiscordRESTError) -> DeliveryReceipt {
        timers[interaction.id]?.cancel()
        timers[interaction.id] = nil
        func body(_ index: Int) -> WebhookMessageBody {
            WebhookMessageBody(
                content: parts[index], ephemeral: ephemeral, components: index == parts.count - 1 ? components : nil)
        }
        guard !parts.isEmpty else { return DeliveryReceipt() }
        var first: DiscordRequest
        switch delivery {
        case .callback:
            first = .interactionCallback(interactionID: interaction.id, token: interaction.token, body: .message(body(0)))
        case .editOriginal:
            first = .editOriginalResponse(applicationID: interaction.applicationID, token: interaction.token, body: body(0))
        case .followup:
            first = .createFollowup(applicationID: interaction.applicationID, token: interaction.token, body: body(0))
        case .channelMessageDeletingOriginal:
            let receipt = try await fallback()
            let delete = DiscordRequest.deleteOriginalResponse(applicationID: interaction.applicationID, token: interaction.token)
            _ = try? await rest.send(delete, priority: .urgent)
            return receipt
        }
        var messageID: String?
        do {
            let response = try await rest.send(first, priority: .urgent)
            messageID = (try? JSONDecoder().decode(DiscordMessage.self, from: response.body))?.id
        } catch {
            if case .followup = delivery { throw error }
            // The first response failed (expired token, refused): the answer goes the ordinary way.
            ledger.markFailed(interaction.id)
            logger.warning("interaction response failed; answering the ordinary way", metadata: ["error": "\(error)"])
            return try await fallback()
        }
        for index in parts.indices.dropFirst() {
            let followup = DiscordRequest.createFollowup(applicationID: interaction.applicationID, token: interaction.token, body: body(index))
            try await rest.send(followup, priority: .urgent)
        }
        return DeliveryReceipt(messageID: messageID)
    }
}
