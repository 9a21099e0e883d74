import Foundation
import Logging
import PeerBot

extension MastodonAdapter {
    /// How long the outbox waits before retrying when the token is rejected or
    /// lacks a scope: the admin must act, so there is no point hurrying.
    static let credentialRetry: Double = 300

    /// Posts the direct status (or thread) for one outbox entry. Part n of a
    /// thread carries the Idempotency-Key `KEY` (n = 1) or `KEY-n`, so a retry of
    /// the entry re-sends the same keys and Mastodon returns the statuses it
    /// already made: nothing is posted twice. Every request waits at the rate
    /// limit in the entry's lane (a page is always urgent).
    public func perform(_ action: OutboundAction, idempotencyKey: String, lane: OutboxLane) async throws -> DeliveryReceipt {
        var priority = RequestPriority(lane)
        if case .page = action { priority = .urgent }
        let info: MastodonSessionInfo
        do {
            info = try await sessionInfo()
        } catch let fatal as MastodonAdapterError {
            // Kept in the outbox for after the admin's fix and a restart; no request is made.
            throw DeliveryError.transient("the Mastodon adapter stopped: \(fatal)", retryAfter: Self.credentialRetry)
        } catch {
            throw DeliveryError.transient("Mastodon is not connected yet: \(error)", retryAfter: 5)
        }
        guard let plan = try MastodonPostPlan.make(for: action, facilitators: configuration.facilitators) else {
            logger.debug("mastodon has no reactions; skipped")
            return DeliveryReceipt()
        }
        let accts = try await mentions(for: plan.recipients, info: info, priority: priority)
        guard !accts.isEmpty else { throw DeliveryError.permanent("no Mastodon account to address the status to") }
        let prefix = accts.map { "@" + $0 }.joined(separator: " ") + " "
        // Only the accounts in front receive the status: names in the text must not add recipients.
        guard let parts = info.splitter.split(MastodonMentionGuard.neutralized(plan.text), prefix: prefix) else {
            throw DeliveryError.permanent("too many accounts to mention in one status (\(accts.count))")
        }
        var replyTo = plan.inReplyToID
        var first: String?
        for (index, part) in parts.enumerated() {
            let key = index == 0 ? idempotencyKey : "\(idempotencyKey)-\(index + 1)"
            let status = try await post(part, inReplyTo: replyTo, idempotencyKey: key, priority: priority)
            first = first ?? status.id
            replyTo = status.id
        }
        logger.info("mastodon status posted", metadata: ["statuses": "\(parts.count)", "mentions": "\(accts.count)"])
        return DeliveryReceipt(messageID: first)
    }

    /// Delivers one action outside the outbox's lanes (a page is urgent, the rest normal).
    public func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
        try await perform(action, idempotencyKey: idempotencyKey, lane: .normal)
    }

    private func post(
        _ text: String, inReplyTo: String?, idempotencyKey: String, priority: RequestPriority
    ) async throws(DeliveryError) -> MastodonStatus {
        let request = MastodonStatusRequest(status: text, inReplyToID: inReplyTo)
        switch await rest.post(request, idempotencyKey: idempotencyKey, priority: priority) {
        case .success(let status):
            return status
        case .failure(.notFound) where inReplyTo != nil:
            // The status answered is gone (deleted): answer without the thread.
            logger.notice("mastodon: the status to reply to is gone; posting without in_reply_to_id")
            return try await post(text, inReplyTo: nil, idempotencyKey: idempotencyKey, priority: priority)
        case .failure(let error):
            throw deliveryError(error)
        }
    }

    /// The accts to mention, in order, without repeats; ids are looked up
    /// (`GET /api/v1/accounts/:id`, public) once and remembered.
    private func mentions(
        for recipients: [MastodonPostPlan.Recipient], info: MastodonSessionInfo, priority: RequestPriority
    ) async throws(DeliveryError) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        for recipient in recipients {
            let acct: String
            switch recipient {
            case .acct(let name):
                acct = MastodonAcct.local(name, localDomain: info.instance.domain)
            case .accountID(let id):
                guard let found = try await acctOfAccount(id, info: info, priority: priority) else { continue }
                acct = found
            }
            if seen.insert(MastodonAcct.normalized(acct, localDomain: info.instance.domain)).inserted { result.append(acct) }
        }
        return result
    }

    private func acctOfAccount(_ id: String, info: MastodonSessionInfo, priority: RequestPriority) async throws(DeliveryError) -> String? {
        if let known = state.withLock({ $0.accts[id] }) { return known }
        guard let url = endpoints.account(id) else { return nil }
        switch await rest.fetch(url, as: MastodonAccount.self, priority: priority) {
        case .success(let account):
            let acct = MastodonAcct.local(account.acct, localDomain: info.instance.domain)
            state.withLock { $0.accts[id] = acct }
            return acct
        case .failure(.notFound):
            logger.warning("mastodon account not found; not mentioned", metadata: ["account": "\(id)"])
            return nil
        case .failure(let error):
            throw deliveryError(error)
        }
    }

    /// REST failures as the outbox understands them.
    func deliveryError(_ error: MastodonRESTError) -> DeliveryError {
        switch error {
        case .rateLimited(let seconds):
            return .transient("rate limited (429)", retryAfter: seconds)
        case .server, .network, .undecodable:
            // An undecodable 2xx may still have posted: the retry's Idempotency-Key finds it.
            return .transient(error.description)
        case .unauthorized:
            logger.error("mastodon: \(MastodonAdapterError.tokenRejected.description)")
            return .transient(error.description, retryAfter: Self.credentialRetry)
        case .forbidden:
            logger.error("mastodon: \(MastodonAdapterError.missingScope("write:statuses").description)")
            return .transient(error.description, retryAfter: Self.credentialRetry)
        case .notFound, .rejected:
            return .permanent(error.description)
        }
    }
}
