import Foundation
import Logging

extension GatewayShard {
    /// Carries out the session's commands; returns the stop reason when one says stop.
    func execute(_ commands: [GatewayCommand]) -> GatewayStop? {
        for command in commands {
            switch command {
            case .connect(let url, let delay):
                connect(to: url, after: delay)
            case .send(let payload):
                send(payload)
            case .close(let code):
                closeConnection(code: code)
            case .stop(let reason):
                // The adapter logs a fatal stop once, with the cause and the fix.
                closeConnection(code: session.settings.resumableCloseCode)
                return reason
            }
        }
        return nil
    }

    private func connect(to url: URL, after delay: Duration) {
        generation += 1
        let generation = self.generation
        let client = self.client
        let clock = self.clock
        let post = self.post
        if delay > .zero {
            logger.info("gateway reconnects", metadata: ["delay_ms": "\(delay.milliseconds)", "resume": "\(url != session.gatewayURL)"])
        }
        connectTask?.cancel()
        connectTask = Task {
            do {
                if delay > .zero { try await clock.sleep(until: clock.now + delay) }
                var options = WebSocketOptions()
                // Discord's gateway compresses with zlib-stream when asked, not permessage-deflate.
                options.compression = false
                let connection = try await client.connect(to: url, options: options)
                post.yield(.opened(generation: generation, connection: connection))
            } catch is CancellationError {
                return
            } catch {
                post.yield(.openFailed(generation: generation, reason: "\(error)"))
            }
        }
    }

    private func send(_ payload: GatewaySend) {
        guard let connection else { return }
        let text = GatewayOutbound.text(for: payload, token: token, intents: intents, shard: shard.count > 1 ? shard : nil)
        let limiter = sendLimiter
        let gate = identifyGate
        let shardID = shard.id
        let logger = self.logger
        let rateLimitWait = hooks.rateLimitWait
        nextSendID += 1
        let id = nextSendID
        sendTasks[id] = Task {
            do {
                var waited = false
                if case .identify = payload { waited = try await gate.waitForTurn(shardID: shardID) }
                if try await limiter.acquire(priority: .urgent) { waited = true }
                if waited { rateLimitWait() }
                try await connection.send(text: text)
            } catch is CancellationError {
            } catch {
                // The connection is going away; its end arrives as its own event.
                logger.debug("gateway send failed", metadata: ["op": "\(payload.opcodeName)", "error": "\(error)"])
            }
            self.sendFinished(id)
        }
    }

    private func sendFinished(_ id: Int) {
        sendTasks[id] = nil
    }

    /// Closes the current connection with `code` and forgets it.
    private func closeConnection(code: UInt16) {
        generation += 1
        readerTask?.cancel()
        readerTask = nil
        guard let connection else { return }
        self.connection = nil
        Task { await connection.close(code: WebSocketCloseCode(code), reason: "") }
    }

    func startReading(_ connection: WebSocketConnection, generation: Int) {
        let post = self.post
        readerTask?.cancel()
        readerTask = Task {
            do {
                for try await message in connection.messages {
                    if let text = message.text { post.yield(.message(generation: generation, text: text)) }
                }
                let frame = connection.closeFrame
                post.yield(.ended(generation: generation, code: frame?.initiatedByPeer == true ? frame?.code?.rawValue : nil))
            } catch {
                post.yield(.ended(generation: generation, code: nil))
            }
        }
    }

    /// Keeps one timer task for the session's next deadline.
    func armTimer() {
        guard let deadline = session.nextDeadline else {
            timerDeadline = nil
            timerTask?.cancel()
            timerTask = nil
            return
        }
        if deadline == timerDeadline { return }
        timerDeadline = deadline
        timerGeneration += 1
        let generation = timerGeneration
        let clock = self.clock
        let post = self.post
        timerTask?.cancel()
        timerTask = Task {
            do {
                try await clock.sleep(until: deadline)
                post.yield(.timer(generation: generation))
            } catch {
                return
            }
        }
    }

    func shutDownTasks() {
        for task in [connectTask, readerTask, timerTask].compactMap({ $0 }) + Array(sendTasks.values) { task.cancel() }
        sendTasks.removeAll()
        post.finish()
    }
}
