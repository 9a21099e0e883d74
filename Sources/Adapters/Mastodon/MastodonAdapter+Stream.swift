import Foundation
import Logging
import PeerBot

extension MastodonAdapter {
    /// Drives `MastodonStreamSession`: connect, catch up, read the stream; back
    /// off and reconnect when it drops; poll when streaming is unavailable.
    func runLoop() async throws {
        let info = try await handshakeWithRetry()
        var session = MastodonStreamSession(policy: policy)
        if configuration.streaming, info.streamingURL == nil {
            logger.warning("mastodon stream unavailable; polling", metadata: ["reason": "the instance advertises no wss:// streaming URL"])
        }
        var step = session.start(now: Date(), streaming: info.streamingURL != nil)
        while !Task.isCancelled {
            switch step {
            case .connect:
                step = await connect(info: info, session: &session)
            case .catchUp:
                do {
                    try await catchUp(info: info)
                    // Open and caught up: mentions flow.
                    connection.up()
                    await readStream(info: info)
                } catch let error as MastodonRESTError {
                    if Task.isCancelled { return }
                    logger.warning("mastodon catch-up failed; reconnecting", metadata: ["reason": "\(error)"])
                    await closeConnection()
                }
                if Task.isCancelled { return }
                connection.down()
                step = session.disconnected(now: Date(), random: Double.random(in: 0..<1))
                if case .poll = step {
                    logger.warning("mastodon stream unavailable; polling", metadata: ["failures": "\(session.failures)"])
                }
            case .poll:
                do {
                    try await catchUp(info: info)
                    // Polling is slower than the stream, but mentions are read: connected.
                    connection.up()
                } catch let error as MastodonRESTError {
                    if Task.isCancelled { return }
                    logger.warning("mastodon poll failed", metadata: ["reason": "\(error)"])
                    connection.down()
                }
                step = session.pollFinished(now: Date())
            case .sleep(let until):
                let wait = until.timeIntervalSinceNow
                if wait > 0 { try await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up)))) }
                step = session.timerFired(now: Date())
            case .stop:
                return
            }
        }
    }

    /// The start-up handshake; network faults and server errors are retried with backoff.
    private func handshakeWithRetry() async throws -> MastodonSessionInfo {
        var attempt = 0
        while true {
            do {
                return try await sessionInfo()
            } catch let error as MastodonRESTError {
                connection.down()
                let wait = policy.backoff.delay(attempt: attempt)
                attempt += 1
                logger.warning(
                    "mastodon instance unreachable; retrying",
                    metadata: ["reason": "\(error)", "retry_in_s": "\(Int(wait.rounded(.up)))"])
                try await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up))))
            }
        }
    }

    private func connect(info: MastodonSessionInfo, session: inout MastodonStreamSession) async -> MastodonStreamSession.Step {
        guard let url = info.streamingURL else { return session.streamingUnavailable(now: Date()) }
        var options = WebSocketOptions()
        options.headers.set(name: "Authorization", value: "Bearer \(token)")
        do {
            let connection = try await webSockets.connect(to: url, options: options)
            let stopped = state.withLock { state in
                state.connection = connection
                return state.stopped
            }
            if stopped {
                await connection.close(code: .goingAway)
                return session.stop()
            }
            logger.info("mastodon stream connected", metadata: ["failures_before": "\(session.failures)"])
            return session.connected(now: Date())
        } catch {
            connection.down()
            let step = session.connectFailed(now: Date(), random: Double.random(in: 0..<1))
            logger.warning(
                step == .poll ? "mastodon stream unavailable; polling" : "mastodon stream connect failed; retrying",
                metadata: ["reason": "\(error)", "failures": "\(session.failures)"])
            return step
        }
    }

    /// Reads frames until the connection ends. A frame that cannot be read is
    /// skipped and logged (its kind, never its content).
    private func readStream(info: MastodonSessionInfo) async {
        guard let connection = state.withLock({ $0.connection }) else { return }
        var reason = "closed"
        do {
            for try await message in connection.messages {
                guard let text = message.text else {
                    logger.warning("mastodon stream frame skipped", metadata: ["reason": "binary"])
                    continue
                }
                handleFrame(text, info: info)
            }
            if let code = connection.closeFrame?.code { reason = "closed (\(code))" }
        } catch {
            reason = "\(error)"
        }
        state.withLock { state in
            if state.connection === connection { state.connection = nil }
        }
        logger.info("mastodon stream ended", metadata: ["reason": "\(reason)"])
    }

    func handleFrame(_ text: String, info: MastodonSessionInfo) {
        do {
            switch try MastodonStreamFrame.parse(text) {
            case .notification(let notification):
                accept(notification, info: info)
            case .otherEvent(let event):
                logger.debug("mastodon stream event not for the bot", metadata: ["event": "\(event.prefix(40))"])
                continuation.yield(.unknown(platform: .mastodon, kind: "stream:\(event.prefix(40))"))
            case .serverError(let message, let status):
                logger.warning(
                    "mastodon stream error", metadata: ["status": "\(status.map(String.init) ?? "-")", "error": "\(message.prefix(80))"])
            }
        } catch {
            logger.warning("mastodon stream frame skipped", metadata: ["reason": "\(error.kind)", "bytes": "\(text.utf8.count)"])
        }
    }

    func closeConnection() async {
        let connection = state.withLock { state in
            defer { state.connection = nil }
            return state.connection
        }
        await connection?.close(code: .goingAway)
    }
}
