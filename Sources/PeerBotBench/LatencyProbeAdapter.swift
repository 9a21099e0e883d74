import Adapters
import PeerBot
import Synchronization

/// A console-platform adapter for the latency benchmark: events are pushed
/// in like a platform's, and every action takes `roundTrip` to perform, as a
/// platform's API call would. With a `limiter`, each action first waits at it
/// as Discord's REST calls do (the entry's lane as the priority, a page always
/// urgent — `DiscordAdapter.priority(of:lane:)`). It notes when each page's
/// delivery began (by ticket), how many normal-lane sends were delivered
/// before it, and the lane each page and each answer to a pager came in.
final class LatencyProbeAdapter: ChatAdapter {
    let platform = Platform.console
    private let roundTrip: Duration
    private let limiter: BucketRateLimiter?
    private let stream: AsyncStream<InboundEvent>
    private let continuation: AsyncStream<InboundEvent>.Continuation
    private let state = Mutex<State>(State())

    struct PageDelivery {
        var at: ContinuousClock.Instant
        var normalSendsBefore: Int
        var lane: OutboxLane
    }

    private struct State {
        var pages: [Int: PageDelivery] = [:]
        var normalSends = 0
        /// Answers to members whose name starts with "pager", by lane.
        var pagerAnswers: [OutboxLane: Int] = [:]
        var closed = false
    }

    /// The text of the queued bulk sends, to count them apart from answers.
    static let reminderText = "A friendly reminder of our agreements (benchmark bulk traffic)."

    init(roundTrip: Duration, limiter: BucketRateLimiter? = nil) {
        self.roundTrip = roundTrip
        self.limiter = limiter
        (stream, continuation) = AsyncStream.makeStream(of: InboundEvent.self, bufferingPolicy: .unbounded)
    }

    func events() -> AsyncStream<InboundEvent> { stream }
    func run() async throws {}
    func stop() async { continuation.finish() }

    func push(_ event: InboundEvent) {
        continuation.yield(event)
    }

    func perform(_ action: OutboundAction, idempotencyKey: String) async throws -> DeliveryReceipt {
        try await perform(action, idempotencyKey: idempotencyKey, lane: .normal)
    }

    /// From now on every action is done at once (no limiter, no round trip,
    /// not counted), so what is still queued does not outlast the sample.
    func close() {
        state.withLock { $0.closed = true }
    }

    func perform(_ action: OutboundAction, idempotencyKey: String, lane: OutboxLane) async throws -> DeliveryReceipt {
        if state.withLock({ $0.closed }) { return DeliveryReceipt(messageID: idempotencyKey) }
        if let limiter {
            let scope: String
            switch action {
            case .send(let channel, _), .page(let channel, _, _, _), .react(let channel, _, _): scope = channel.id
            case .replyPrivately(let member, _, _): scope = "dm:" + member.id
            }
            try await limiter.acquire(
                route: "POST /channels/{channel.id}/messages", scope: scope, priority: DiscordAdapter.priority(of: action, lane: lane))
        }
        let now = ContinuousClock.now
        state.withLock { state in
            switch action {
            case .page(_, _, _, let ticket):
                state.pages[ticket] = PageDelivery(at: now, normalSendsBefore: state.normalSends, lane: lane)
            case .send(_, let text) where text == Self.reminderText:
                state.normalSends += 1
            case .replyPrivately(let member, _, _) where member.id.hasPrefix("pager"):
                state.pagerAnswers[lane, default: 0] += 1
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
    /// Private answers to the members who asked for a facilitator, by the lane they came in.
    var pagerAnswers: [OutboxLane: Int] { state.withLock { $0.pagerAnswers } }
}
