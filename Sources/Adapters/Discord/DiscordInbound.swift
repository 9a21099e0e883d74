import Foundation
import Logging
import PeerBot

/// The inbound half of the adapter: translates dispatches, drops the ones a
/// resume replays twice (`SeenEventRecords`), and remembers what later
/// deliveries need (DM channels, the application id).
actor DiscordInbound {
    private var translator: DiscordEventTranslator
    private let store: any Store
    private let logger: Logger

    init(translator: DiscordEventTranslator, store: any Store, logger: Logger) {
        self.translator = translator
        self.store = store
        self.logger = logger
    }

    var applicationID: String? { translator.applicationID }

    /// The translation of `frame`, or `.none` for an event already seen.
    func translate(_ frame: GatewayFrame) -> DiscordTranslation {
        let translation = translator.translate(frame)
        guard translation.event != nil, let key = translation.dedupeKey else { return translation }
        do {
            let fresh = try store.write { try $0.markSeen(platform: .discord, eventID: key, at: Date()) }
            if !fresh {
                logger.debug("event seen before; skipped", metadata: ["event": "\(frame.name ?? "")"])
                return .none
            }
        } catch {
            // Better to risk a duplicate than to drop an event.
            logger.error("cannot record a seen event", metadata: ["error": "\(error)"])
        }
        return translation
    }

    /// Forgets seen events older than two days (resumes replay minutes, not days).
    func pruneSeenEvents() {
        do {
            try store.write { try $0.pruneSeenEvents(before: Date().addingTimeInterval(-2 * 86_400)) }
        } catch {
            logger.warning("cannot prune seen events", metadata: ["error": "\(error)"])
        }
    }
}
