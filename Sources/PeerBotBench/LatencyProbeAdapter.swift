import PeerBot
import Synchronization

/// A console-platform adapter for the latency benchmark: events are pushed
/// in like a platform's, and every action takes `roundTrip` to perform, as a
/// platform's API call would. It notes when each page's delivery began (by
/// ticket) and how many normal-lane sends were delivered before it.
final class LatencyProbeAdapter: ChatAdapter {
    let platform = Platform.console
    private let roundTrip: Duration
    private let stream: AsyncStream<InboundEvent>
    private let continuation: AsyncStream<InboundEvent>.Continuation
    private let state = Mutex<State>(State())

    struct PageDelivery {
        var at: ContinuousClock.Instant
        var normalSendsBefore: Int
    }

    private struct State {
        var pages: [Int: PageDelivery] = [:]
        var normalSends = 0
    }

    /// The text of the queued bulk sends, to count them apart from answers.
    static let reminderText = "A friendly reminder of our agreements (benchmark bulk traffic)."

    init(roundTrip: Duration) {
        self.roundTrip = roundTrip
        (stream, continuation) = AsyncStream.makeStream(of: InboundEvent.self, bufferingPolicy: .unbounded)
    }

    func events() -> AsyncStream<InboundEvent> { stream }
    func run() async throws {}
    func stop() async { continuation.finish() }

    func push(_ event: InboundEvent) {
        continuation.yield(event)
    }

    func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
        let now = ContinuousClock.now
        state.withLock { state in
            switch action {
            case .page(_, _, _, let ticket):
                state.pages[ticket] = PageDelivery(at: now, normalSendsBefore: state.normalSends)
            case .send(_, let text) where text == Self.reminderText:
                state.normalSends += 1
            default:
                break
            }
        }
        try await Task.sleep(for: roundTrip)
        return DeliveryReceipt(messageID: idempotencyKey)
    }

    /// Pages delivered so far, by ticket number.
    var pages: [Int: PageDelivery] { state.withLock { $0.pages } }
    /// Queued bulk sends delivered so far.
    var remindersDelivered: Int { state.withLock { $0.normalSends } }
}
