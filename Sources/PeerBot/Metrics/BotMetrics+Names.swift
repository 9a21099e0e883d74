extension BotMetrics {
    /// Metric names, in Prometheus style (`_total` for counters).
    public enum Name {
        public static let eventsReceived = "peerbot_events_received_total"
        public static let actionsDelivered = "peerbot_actions_delivered_total"
        public static let actionsFailed = "peerbot_actions_failed_total"
        public static let deliveryRetries = "peerbot_delivery_retries_total"
        public static let pages = "peerbot_pages_total"
        public static let repages = "peerbot_repages_total"
        public static let unanswered = "peerbot_tickets_unanswered_total"
        public static let crisisOffers = "peerbot_crisis_offers_total"
        public static let reconnects = "peerbot_adapter_reconnects_total"
        public static let rateLimitWaits = "peerbot_rate_limit_waits_total"
        public static let outboxDepth = "peerbot_outbox_depth"
        public static let outboxOldestPending = "peerbot_outbox_oldest_pending_seconds"
        public static let ticketsOpen = "peerbot_tickets_open"
        public static let pagesUnacknowledged = "peerbot_pages_unacknowledged"
        public static let adapterConnected = "peerbot_adapter_connected"
        /// The conventional name (Prometheus client libraries' process collector).
        public static let residentMemory = "process_resident_memory_bytes"
        public static let heapInUse = "peerbot_heap_in_use_bytes"
        public static let heapReserved = "peerbot_heap_reserved_bytes"
        public static let storeMemory = "peerbot_sqlite_memory_bytes"
    }

    /// One line of help per family, for the `# HELP` lines of an exposition.
    public static let help: [String: String] = [
        Name.eventsReceived: "Inbound events from the platforms, by platform and kind.",
        Name.actionsDelivered: "Outbox entries performed by an adapter, by platform and action.",
        Name.actionsFailed: "Outbox entries that failed for good.",
        Name.deliveryRetries: "Deliveries that failed transiently and were scheduled again.",
        Name.pages: "First pages of new tickets (tier 1).",
        Name.repages: "Re-pages: a later tier paged because no one acknowledged in time.",
        Name.unanswered: "Tickets whose last tier timed out; the member was told no one has answered yet.",
        Name.crisisOffers: "Private crisis-line offers sent after crisis language, by platform.",
        Name.reconnects: "Connections an adapter re-established.",
        Name.rateLimitWaits: "Times an adapter waited for a platform rate limit.",
        Name.outboxDepth: "Outbox entries waiting for delivery.",
        Name.outboxOldestPending: "Age in seconds of the oldest entry waiting in the outbox (0 when empty).",
        Name.ticketsOpen: "Requests for a facilitator that are open or acknowledged.",
        Name.pagesUnacknowledged: "Open tickets whose page nobody has acknowledged yet.",
        Name.adapterConnected: "1 when the platform adapter is connected, else 0.",
        Name.residentMemory: "Resident memory of the process in bytes (VmRSS).",
        Name.heapInUse: "Bytes in live C-heap allocations (glibc mallinfo2 uordblks + hblkhd).",
        Name.heapReserved: "Bytes the C heap holds from the system, in use or free (mallinfo2 arena + hblkhd).",
        Name.storeMemory: "Bytes SQLite has allocated, its page caches included (sqlite3_memory_used).",
    ]
}
