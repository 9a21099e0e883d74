import Foundation
import Logging
import PeerBot

extension MastodonAdapter {
    /// One catch-up pass: the mentions after the stored cursor, page by page,
    /// each handed on at most once. Throws on REST failure (the caller reconnects
    /// or polls again); a rejected token or missing scope is fatal.
    func catchUp(info: MastodonSessionInfo) async throws {
        var truncated = true
        while truncated, !Task.isCancelled {
            truncated = try await catchUpPass(info: info)
        }
    }

    /// One bounded pass; true when it stopped with more waiting.
    private func catchUpPass(info: MastodonSessionInfo) async throws -> Bool {
        let saved = (try? store.read { try $0.cursor(info.notificationCursor) }).flatMap { $0 }
        var pass = MastodonCatchUp(cursor: saved.flatMap { MastodonID.isValid($0) ? $0 : nil }, firstStartWindow: configuration.firstStartCatchUp)
        while !pass.isFinished, !Task.isCancelled {
            guard let url = endpoints.url(pass.nextRequestPath) else { return false }
            let page = try await notificationPage(url)
            if page.skipped > 0 {
                logger.warning("mastodon notifications skipped", metadata: ["reason": "undecodable", "count": "\(page.skipped)"])
            }
            let fresh = pass.absorb(page.elements, now: Date())
            for notification in fresh { accept(notification, info: info) }
            advanceCursor(to: pass.cursor, info: info)
            if !fresh.isEmpty {
                logger.info("mastodon catch-up", metadata: ["mentions": "\(fresh.count)"])
            }
        }
        return pass.wasTruncated
    }

    /// One page of notifications; a rejected token or a missing scope is fatal.
    private func notificationPage(_ url: URL) async throws -> MastodonLossyList<MastodonNotification> {
        switch await rest.fetch(url, as: MastodonLossyList<MastodonNotification>.self) {
        case .success(let page): return page
        case .failure(.unauthorized): throw MastodonAdapterError.tokenRejected
        case .failure(.forbidden): throw MastodonAdapterError.missingScope("read:notifications")
        case .failure(let error): throw error
        }
    }

    /// Hands a notification on: a mention is deduplicated by its id and moves
    /// the cursor in one transaction, then becomes an event.
    func accept(_ notification: MastodonNotification, info: MastodonSessionInfo) {
        let own = state.withLock { $0.ownAccount }
        if own == nil, let learned = MastodonEventTranslator.ownAccount(from: notification) {
            remember(learned, info: info)
            logger.notice("mastodon: learned the bot's account from a mention", metadata: ["account": "@\(learned.acct)"])
        }
        if notification.isMention {
            guard MastodonID.isValid(notification.id) else {
                logger.warning("mastodon notification skipped", metadata: ["reason": "invalid id"])
                return
            }
            let isNew: Bool
            do {
                isNew = try store.write { transaction in
                    let new = try transaction.markSeen(platform: .mastodon, eventID: "notification:\(notification.id)", at: Date())
                    let current = try transaction.cursor(info.notificationCursor)
                    if let newest = MastodonID.newest(current, notification.id), newest != current {
                        try transaction.setCursor(info.notificationCursor, to: newest)
                    }
                    return new
                }
            } catch {
                logger.error("cannot record a mention; it will be read again", metadata: ["error": "\(error)"])
                return
            }
            guard isNew else {
                logger.debug("mastodon duplicate notification skipped", metadata: ["notification": "\(notification.id)"])
                return
            }
        }
        let translator = MastodonEventTranslator(
            ownAccount: state.withLock { $0.ownAccount }, localDomain: info.instance.domain, configuration: configuration)
        switch translator.translate(notification) {
        case .message(let message):
            logger.info("mastodon mention received", metadata: ["notification": "\(notification.id)", "role": "\(message.authorRole)"])
            continuation.yield(.message(message))
        case .ignored(let reason):
            logger.info("mastodon mention ignored", metadata: ["notification": "\(notification.id)", "reason": "\(reason)"])
        case .unknown(let kind):
            logger.debug("mastodon notification not for the bot", metadata: ["kind": "\(kind)"])
            continuation.yield(.unknown(platform: .mastodon, kind: kind))
        }
    }

    /// Saves the catch-up's cursor when it is newer than the stored one.
    private func advanceCursor(to cursor: String?, info: MastodonSessionInfo) {
        guard let cursor else { return }
        do {
            try store.write { transaction in
                let current = try transaction.cursor(info.notificationCursor)
                if MastodonID.newest(current, cursor) != current {
                    try transaction.setCursor(info.notificationCursor, to: cursor)
                }
            }
        } catch {
            logger.error("cannot save the notification cursor", metadata: ["error": "\(error)"])
        }
    }
}
