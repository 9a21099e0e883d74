import PeerBot
import Synchronization

/// One adapter's `AdapterHealth`, kept under a lock and driven by its real
/// connection logic; `ChatAdapter.health` returns `snapshot`.
///
/// An adapter has one or more links (each Discord shard; the Matrix sync
/// loop; the Mastodon stream or poll). Each link reports `up` when events
/// flow and `down` when it lost them. A link that comes back up after it
/// was lost counts one reconnect. The adapter is connected when every link
/// is; reconnecting when any link lost its connection; connecting until
/// each link was up once. A fatal stop (`failed`) or a requested one
/// (`stopped`) is final: later link reports change nothing.
final class ConnectionHealth: Sendable {
    private enum Link {
        case connecting
        case connected
        case reconnecting
    }

    private struct State {
        var links: [Int: Link] = [:]
        var ended: AdapterConnectionState?
        var reconnects = 0
        var rateLimitWaits = 0
    }

    private let state = Mutex(State())

    init() {}

    /// What `/healthz` and the metrics see now.
    var snapshot: AdapterHealth {
        state.withLock { state in
            AdapterHealth(state: Self.aggregate(state), reconnects: state.reconnects, rateLimitWaits: state.rateLimitWaits)
        }
    }

    /// Link `link` is connected and events flow.
    func up(_ link: Int = 0) {
        state.withLock { state in
            guard state.ended == nil else { return }
            if state.links[link] == .reconnecting { state.reconnects += 1 }
            state.links[link] = .connected
        }
    }

    /// Link `link` lost its connection (or could not make its first one) and is trying again.
    func down(_ link: Int = 0) {
        state.withLock { state in
            guard state.ended == nil else { return }
            switch state.links[link] {
            case .connected, .reconnecting: state.links[link] = .reconnecting
            case .connecting, nil: state.links[link] = .connecting
            }
        }
    }

    /// The adapter waited for a platform rate limit once (a limiter's turn, a 429's `Retry-After`).
    func waitedForRateLimit() {
        state.withLock { $0.rateLimitWaits += 1 }
    }

    /// The adapter stopped on an error retrying cannot fix (a rejected token, a fatal close code).
    func failed() {
        state.withLock { state in
            if state.ended == nil { state.ended = .disconnected }
        }
    }

    /// The adapter was asked to stop.
    func stopped() {
        state.withLock { state in
            if state.ended == nil { state.ended = .stopped }
        }
    }

    private static func aggregate(_ state: State) -> AdapterConnectionState {
        if let ended = state.ended { return ended }
        if state.links.isEmpty { return .connecting }
        if state.links.values.contains(.reconnecting) { return .reconnecting }
        if state.links.values.contains(.connecting) { return .connecting }
        return .connected
    }
}
