import Foundation

/// The gateway session as a value-type state machine (gateway.mdx
/// "Connection Lifecycle"): inputs (Hello, ACKs, dispatches, op 7, op 9,
/// closes, the heartbeat timer) go in; commands (connect, send, close, stop)
/// come out. It owns no socket and reads no clock — the driver passes `now` —
/// so every path is tested with a virtual clock.
public struct GatewaySession: Sendable {
    /// Where the session is in its lifecycle.
    public enum Phase: Sendable, Equatable {
        /// Not started.
        case idle
        /// A connection was requested and has not opened yet.
        case connecting
        /// Connected; waiting for Hello.
        case awaitingHello
        /// Identify sent; waiting for READY.
        case identifying
        /// Resume sent; waiting for RESUMED.
        case resuming
        /// READY or RESUMED received: events flow.
        case ready
        /// Stopped for good.
        case stopped
    }

    /// How the pending connection will start its session.
    enum Plan: Sendable, Equatable {
        case identify
        case resume
    }

    public let settings: GatewaySessionSettings
    /// The gateway URL from `GET /gateway/bot` (or the configured override), versioned.
    public let gatewayURL: URL

    public internal(set) var phase: Phase = .idle
    public internal(set) var sessionID: String?
    /// `resume_gateway_url` from READY, versioned.
    public internal(set) var resumeURL: URL?
    /// The last dispatch sequence number received.
    public internal(set) var sequence: Int?
    public internal(set) var heartbeatInterval: Duration?
    /// When the next heartbeat is due.
    public internal(set) var nextHeartbeatAt: Duration?
    /// True between a timed heartbeat and its ACK: still true at the next beat means a zombie connection.
    public internal(set) var awaitingAck = false
    /// When a connection that has not sent Hello is given up.
    public internal(set) var helloDeadline: Duration?
    /// Resumes that failed in a row.
    public internal(set) var failedResumes = 0
    /// Connection attempts that failed in a row (before READY or RESUMED); drives the backoff.
    public internal(set) var failedAttempts = 0
    /// Heartbeats sent on timer, for tests and metrics.
    public internal(set) var heartbeatsSent = 0
    var plan: Plan = .identify
    var jitter: JitterSource

    /// - Parameters:
    ///   - gatewayURL: the gateway URL; `v=10&encoding=json` is added.
    ///   - restoring: a session saved by an earlier run, resumed first.
    public init(
        gatewayURL: URL, restoring snapshot: GatewaySessionSnapshot? = nil, settings: GatewaySessionSettings = GatewaySessionSettings(),
        jitter: JitterSource = .system()
    ) {
        self.gatewayURL = GatewayURL.versioned(gatewayURL) ?? gatewayURL
        self.settings = settings
        self.jitter = jitter
        if let snapshot, let resume = GatewayURL.versioned(snapshot.resumeGatewayURL) {
            sessionID = snapshot.sessionID
            resumeURL = resume
            sequence = snapshot.sequence
        }
    }

    /// The session to save, when there is one that could be resumed.
    public var snapshot: GatewaySessionSnapshot? {
        guard let sessionID, let resumeURL, let sequence else { return nil }
        return GatewaySessionSnapshot(sessionID: sessionID, resumeGatewayURL: resumeURL, sequence: sequence)
    }

    /// True while a connection is open (from the handshake until it is dropped).
    public var isConnected: Bool {
        switch phase {
        case .awaitingHello, .identifying, .resuming, .ready: true
        case .idle, .connecting, .stopped: false
        }
    }

    /// The next instant the driver must feed `.timerFired`, if any.
    public var nextDeadline: Duration? {
        [nextHeartbeatAt, helloDeadline].compactMap { $0 }.min()
    }

    /// Starts the first connection: resumes a restored session, else identifies.
    public mutating func start() -> [GatewayCommand] {
        guard phase == .idle else { return [] }
        return reconnect(resume: true, after: .zero)
    }

    /// Feeds one input; returns what to do, in order.
    public mutating func handle(_ input: GatewayInput, now: Duration) -> [GatewayCommand] {
        if phase == .stopped { return [] }
        switch input {
        case .connected:
            guard phase == .connecting else { return [] }
            phase = .awaitingHello
            helloDeadline = now + settings.helloTimeout
            return []
        case .connectFailed:
            guard phase == .connecting else { return [] }
            return attemptFailed(resumable: true)
        case .hello(let interval):
            return hello(interval: interval, now: now)
        case .heartbeatAck:
            awaitingAck = false
            return []
        case .heartbeatRequested:
            return isConnected ? [.send(.heartbeat(sequence: sequence))] : []
        case .dispatch(let sequence, let name, let ready):
            return dispatch(sequence: sequence, name: name, ready: ready)
        case .reconnectRequested:
            guard isConnected else { return [] }
            return drop(code: settings.resumableCloseCode, resume: true, after: .zero)
        case .invalidSession(let resumable):
            return invalidSession(resumable: resumable)
        case .closed(let code):
            return closed(GatewayCloseCode(code))
        case .timerFired:
            return timerFired(now: now)
        case .stopRequested:
            // Closing with a non-1000 code keeps the session resumable, so a
            // restart within minutes resumes and replays what it missed
            // (gateway.mdx "Initiating a Disconnect").
            let wasConnected = isConnected
            clearConnectionState()
            phase = .stopped
            return (wasConnected ? [.close(code: settings.resumableCloseCode)] : []) + [.stop(.requested)]
        }
    }

    private mutating func hello(interval: Duration, now: Duration) -> [GatewayCommand] {
        guard phase == .awaitingHello else { return [] }
        helloDeadline = nil
        // A nonsensical interval would make the client spin; one second is the floor.
        let interval = max(interval, .seconds(1))
        heartbeatInterval = interval
        // gateway.mdx "Heartbeat Interval": the first beat after interval × jitter.
        nextHeartbeatAt = now + interval * jitter.next()
        awaitingAck = false
        if plan == .resume, let sessionID, let sequence {
            phase = .resuming
            return [.send(.resume(sessionID: sessionID, sequence: sequence))]
        }
        phase = .identifying
        return [.send(.identify)]
    }

    private mutating func dispatch(sequence newSequence: Int?, name: String, ready: GatewayReadySession?) -> [GatewayCommand] {
        guard isConnected else { return [] }
        if let newSequence { sequence = newSequence }
        switch name {
        case "READY":
            if let ready {
                sessionID = ready.sessionID
                resumeURL = GatewayURL.versioned(ready.resumeGatewayURL)
            }
            sessionEstablished()
        case "RESUMED":
            sessionEstablished()
        default:
            break
        }
        return []
    }

    private mutating func sessionEstablished() {
        phase = .ready
        failedResumes = 0
        failedAttempts = 0
    }

    private mutating func timerFired(now: Duration) -> [GatewayCommand] {
        if let deadline = helloDeadline, now >= deadline, phase == .awaitingHello {
            helloDeadline = nil
            failedAttempts += 1
            if plan == .resume { failedResumes += 1 }
            return drop(code: settings.resumableCloseCode, resume: true, after: backoffDelay())
        }
        guard let due = nextHeartbeatAt, now >= due, let interval = heartbeatInterval, isConnected else { return [] }
        if awaitingAck {
            // gateway.mdx "Heartbeat Interval": no ACK between two beats is a
            // zombied connection — close with a non-1000 code and resume.
            return drop(code: settings.resumableCloseCode, resume: true, after: .zero)
        }
        awaitingAck = true
        heartbeatsSent += 1
        nextHeartbeatAt = now + interval
        return [.send(.heartbeat(sequence: sequence))]
    }
}
