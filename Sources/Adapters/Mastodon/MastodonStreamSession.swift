import Foundation
import PeerBot

/// The connection life cycle of the streaming API as a value type: what the
/// adapter does next (connect, catch up, poll, sleep), given what happened and
/// the time. No sockets, no clock of its own — tests drive it with a virtual
/// clock and fixed jitter.
///
/// - Every successful connect is followed by a catch-up over REST (the stream
///   does not replay; docs.joinmastodon.org/methods/streaming/).
/// - A failed connect or a dropped stream waits with exponential backoff and
///   full jitter (`ExponentialBackoff`); a connection that stayed up for
///   `stableAfter` resets the count, so a flapping server backs off.
/// - After `failuresBeforePolling` failures in a row, or when the instance
///   offers no usable streaming URL, mentions are polled every `pollInterval`;
///   in the fallback case streaming is tried again every `streamRetryInterval`.
public struct MastodonStreamSession: Sendable {
    /// The timings and thresholds.
    public struct Policy: Sendable {
        public var backoff: ExponentialBackoff
        public var pollInterval: TimeInterval
        public var failuresBeforePolling: Int
        public var streamRetryInterval: TimeInterval
        public var stableAfter: TimeInterval

        public init(
            backoff: ExponentialBackoff = ExponentialBackoff(base: 1, cap: 60), pollInterval: TimeInterval = 60,
            failuresBeforePolling: Int = 5, streamRetryInterval: TimeInterval = 300, stableAfter: TimeInterval = 60
        ) {
            self.backoff = backoff
            self.pollInterval = max(1, pollInterval)
            self.failuresBeforePolling = max(1, failuresBeforePolling)
            self.streamRetryInterval = max(1, streamRetryInterval)
            self.stableAfter = max(0, stableAfter)
        }
    }

    /// Where the session is.
    public enum State: Sendable, Equatable {
        case idle
        case connecting
        case streaming(since: Date)
        case waitingToReconnect(until: Date)
        /// Polling; `nextStreamAttempt` nil means streaming is not available at all.
        case polling(nextPoll: Date, nextStreamAttempt: Date?)
        case stopped
    }

    /// What the adapter must do next.
    public enum Step: Sendable, Equatable {
        /// Open the WebSocket; report `connected` or `connectFailed`.
        case connect
        /// Read missed mentions over REST, then read the stream; report `disconnected` when it ends.
        case catchUp
        /// Read new mentions over REST; report `pollFinished`.
        case poll
        /// Wait, then report `timerFired`.
        case sleep(until: Date)
        case stop
    }

    public let policy: Policy
    public private(set) var state: State = .idle
    /// Failed connects and dropped streams since the last stable connection.
    public private(set) var failures = 0

    public init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Starts streaming, or polling only when `streaming` is false.
    public mutating func start(now: Date, streaming: Bool = true) -> Step {
        guard streaming else { return streamingUnavailable(now: now) }
        state = .connecting
        return .connect
    }

    /// The WebSocket is open.
    public mutating func connected(now: Date) -> Step {
        guard state != .stopped else { return .stop }
        state = .streaming(since: now)
        return .catchUp
    }

    /// Opening the WebSocket failed. `random` is the jitter draw in 0..<1.
    public mutating func connectFailed(now: Date, random: Double) -> Step {
        guard state != .stopped else { return .stop }
        return failed(now: now, random: random)
    }

    /// The stream ended (closed, dropped, or the catch-up after connecting failed).
    public mutating func disconnected(now: Date, random: Double) -> Step {
        guard state != .stopped else { return .stop }
        if case .streaming(let since) = state, now.timeIntervalSince(since) >= policy.stableAfter {
            failures = 0
        }
        return failed(now: now, random: random)
    }

    /// The instance offers no streaming the adapter can use: poll only, from now on.
    public mutating func streamingUnavailable(now: Date) -> Step {
        guard state != .stopped else { return .stop }
        state = .polling(nextPoll: now, nextStreamAttempt: nil)
        return .poll
    }

    /// A poll (REST catch-up in polling mode) has finished, successfully or not.
    public mutating func pollFinished(now: Date) -> Step {
        guard case .polling(_, let nextStream) = state else { return timerFired(now: now) }
        let nextPoll = now.addingTimeInterval(policy.pollInterval)
        state = .polling(nextPoll: nextPoll, nextStreamAttempt: nextStream)
        return .sleep(until: min(nextPoll, nextStream ?? nextPoll))
    }

    /// A sleep has ended (or woke early).
    public mutating func timerFired(now: Date) -> Step {
        switch state {
        case .waitingToReconnect(let until):
            guard now >= until else { return .sleep(until: until) }
            state = .connecting
            return .connect
        case .polling(let nextPoll, let nextStream):
            if let nextStream, now >= nextStream {
                // One more failure returns straight to polling.
                failures = policy.failuresBeforePolling - 1
                state = .connecting
                return .connect
            }
            guard now >= nextPoll else { return .sleep(until: min(nextPoll, nextStream ?? nextPoll)) }
            return .poll
        case .stopped:
            return .stop
        case .idle, .connecting:
            state = .connecting
            return .connect
        case .streaming:
            // Not expected while the stream is read; never a busy loop.
            return .sleep(until: now.addingTimeInterval(policy.pollInterval))
        }
    }

    /// Stops for good (shutdown or a fatal error).
    public mutating func stop() -> Step {
        state = .stopped
        return .stop
    }

    /// True while mentions are polled rather than streamed.
    public var isPolling: Bool {
        if case .polling = state { return true }
        return false
    }

    private mutating func failed(now: Date, random: Double) -> Step {
        failures += 1
        if failures >= policy.failuresBeforePolling {
            state = .polling(nextPoll: now, nextStreamAttempt: now.addingTimeInterval(policy.streamRetryInterval))
            return .poll
        }
        let until = now.addingTimeInterval(policy.backoff.delay(attempt: failures - 1, random: random))
        state = .waitingToReconnect(until: until)
        return .sleep(until: until)
    }
}
