import Foundation

extension GatewaySession {
    /// Invalid Session (op 9): resume when `d` is true, else forget the
    /// session and identify on the gateway URL (gateway-events.mdx "Invalid
    /// Session"; gateway.mdx "Resuming"). Either way after a random 1–5 s.
    mutating func invalidSession(resumable: Bool) -> [GatewayCommand] {
        guard isConnected else { return [] }
        let delay = max(invalidSessionDelay(), failedAttempts > 0 ? backoffDelay() : .zero)
        if phase == .identifying || phase == .resuming { failedAttempts += 1 }
        if phase == .resuming { failedResumes += 1 }
        if resumable {
            return drop(code: settings.resumableCloseCode, resume: true, after: delay)
        }
        forgetSession()
        return drop(code: 1000, resume: false, after: delay)
    }

    /// The server closed the connection, or it dropped.
    mutating func closed(_ closeCode: GatewayCloseCode) -> [GatewayCommand] {
        guard isConnected else { return [] }
        switch closeCode.disposition {
        case .fatal:
            clearConnectionState()
            phase = .stopped
            return [.stop(.fatal(closeCode))]
        case .identify:
            forgetSession()
            return attemptFailed(resumable: false, closedEarly: phase != .ready)
        case .resume:
            return attemptFailed(resumable: true, closedEarly: phase != .ready)
        }
    }

    /// A connection ended (or never opened): count the failure when it came
    /// before the session was established, and reconnect after the backoff.
    mutating func attemptFailed(resumable: Bool, closedEarly: Bool = true) -> [GatewayCommand] {
        if closedEarly {
            failedAttempts += 1
            if plan == .resume, sessionID != nil { failedResumes += 1 }
        }
        clearConnectionState()
        return reconnect(resume: resumable, after: failedAttempts > 0 ? backoffDelay() : .zero)
    }

    /// Closes the current connection (keeping the session unless `code` is 1000) and reconnects.
    mutating func drop(code: UInt16, resume: Bool, after delay: Duration) -> [GatewayCommand] {
        clearConnectionState()
        return [.close(code: code)] + reconnect(resume: resume, after: delay)
    }

    /// Plans the next connection: Resume on `resume_gateway_url` when asked and
    /// possible, else Identify on the gateway URL. After `maxFailedResumes`
    /// failed resumes in a row the session is dropped.
    mutating func reconnect(resume: Bool, after delay: Duration) -> [GatewayCommand] {
        if failedResumes >= settings.maxFailedResumes {
            forgetSession()
        }
        phase = .connecting
        if resume, sessionID != nil, sequence != nil, let resumeURL {
            plan = .resume
            return [.connect(resumeURL, after: delay)]
        }
        plan = .identify
        return [.connect(gatewayURL, after: delay)]
    }

    mutating func forgetSession() {
        sessionID = nil
        resumeURL = nil
        sequence = nil
        failedResumes = 0
    }

    mutating func clearConnectionState() {
        heartbeatInterval = nil
        nextHeartbeatAt = nil
        helloDeadline = nil
        awaitingAck = false
    }

    /// Full-jitter exponential backoff for the current run of failures.
    mutating func backoffDelay() -> Duration {
        let seconds = settings.backoff.delay(attempt: max(failedAttempts - 1, 0), random: jitter.next())
        return .milliseconds(Int((seconds * 1000).rounded()))
    }

    mutating func invalidSessionDelay() -> Duration {
        let range = settings.invalidSessionDelay
        let seconds = range.lowerBound + (range.upperBound - range.lowerBound) * jitter.next()
        return .milliseconds(Int((seconds * 1000).rounded()))
    }
}
