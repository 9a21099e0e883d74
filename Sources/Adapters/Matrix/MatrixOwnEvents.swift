/// PeerBot's own recent events as its `/sync` shows them, each with the
/// transaction id it was sent with (`unsigned.transaction_id`, which the
/// homeserver gives back to the client that sent the event — client-server API,
/// "Transaction identifiers"). That id is the outbox entry's idempotency key.
/// Bounded: only the newest `capacity` are kept.
struct MatrixOwnEvents {
    private var transactions: [String: String] = [:]
    private var order: [String] = []
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// Remembers one of PeerBot's own events, if it carries its transaction id.
    mutating func remember(_ event: MatrixEvent) {
        guard let eventID = event.eventID, let transaction = event.unsigned?["transaction_id"]?.string,
            transactions[eventID] == nil
        else { return }
        transactions[eventID] = transaction
        order.append(eventID)
        if order.count > capacity {
            let dropped = order.prefix(order.count - capacity)
            for id in dropped { transactions[id] = nil }
            order.removeFirst(dropped.count)
        }
    }

    /// The transaction id PeerBot sent `eventID` with, if it is one of its own recent events.
    func transaction(of eventID: String) -> String? {
        transactions[eventID]
    }
}
