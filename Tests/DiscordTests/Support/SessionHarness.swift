import Adapters
import Foundation

/// Drives a `GatewaySession` on a virtual clock: no sockets, no waiting.
struct SessionHarness {
    var session: GatewaySession
    var now: Duration = .zero
    /// Every command the session has issued, in order.
    var log: [GatewayCommand] = []

    static let gateway = URL(string: "wss://gateway.example/")!
    static let resumeBase = URL(string: "wss://resume.example")!
    static let gatewayVersioned = URL(string: "wss://gateway.example/?v=10&encoding=json")!
    static let resumeVersioned = URL(string: "wss://resume.example/?v=10&encoding=json")!

    init(jitter: JitterSource = .fixed(0.25), restoring: GatewaySessionSnapshot? = nil, settings: GatewaySessionSettings = GatewaySessionSettings()) {
        session = GatewaySession(gatewayURL: Self.gateway, restoring: restoring, settings: settings, jitter: jitter)
    }

    @discardableResult
    mutating func start() -> [GatewayCommand] {
        record(session.start())
    }

    @discardableResult
    mutating func feed(_ input: GatewayInput) -> [GatewayCommand] {
        record(session.handle(input, now: now))
    }

    /// Moves the clock to `instant` and fires the timer if a deadline has come.
    @discardableResult
    mutating func advance(to instant: Duration) -> [GatewayCommand] {
        now = instant
        guard let deadline = session.nextDeadline, deadline <= now else { return [] }
        return feed(.timerFired)
    }

    @discardableResult
    mutating func advance(by duration: Duration) -> [GatewayCommand] {
        advance(to: now + duration)
    }

    /// Connects, receives Hello and (unless resuming) READY with `sequence`.
    mutating func establish(interval: Duration = .seconds(45), sessionID: String = "s1", sequence: Int = 1) {
        start()
        feed(.connected)
        feed(.hello(heartbeatInterval: interval))
        feed(.dispatch(sequence: sequence, name: "READY", ready: GatewayReadySession(sessionID: sessionID, resumeGatewayURL: Self.resumeBase)))
    }

    private mutating func record(_ commands: [GatewayCommand]) -> [GatewayCommand] {
        log += commands
        return commands
    }
}

extension GatewayCommand {
    /// The delay of a connect command.
    var connectDelay: Duration? {
        if case .connect(_, let delay) = self { return delay }
        return nil
    }

    var connectURL: URL? {
        if case .connect(let url, _) = self { return url }
        return nil
    }
}
