/// Hands the session to deliveries once sign-in has finished.
actor MatrixSessionGate {
    private var session: MatrixSession?

    func open(_ session: MatrixSession) {
        self.session = session
    }

    func close() {
        session = nil
    }

    /// The session, waiting up to `seconds` for sign-in to finish; nil if it has not.
    func session(waitingUpTo seconds: Double) async -> MatrixSession? {
        var waited = 0.0
        while session == nil, waited < seconds, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            waited += 0.1
        }
        return session
    }
}
