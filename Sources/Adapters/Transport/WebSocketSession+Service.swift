import CTransportLoader
import CWebsockets
import Foundation

/// The service-thread half of a session: libwebsockets callbacks and loop
/// commands. Everything here runs on the one service thread.
extension WebSocketSession {
    /// Adds the caller's extra headers (e.g. `Authorization`) to the opening handshake.
    func appendHandshakeHeaders(_ input: UnsafeMutableRawPointer?, length: Int) -> Int32 {
        guard let wsi, let input, !options.headers.isEmpty else { return 0 }
        let cursor = input.assumingMemoryBound(to: UnsafeMutablePointer<UInt8>?.self)
        guard let start = cursor.pointee else { return 0 }
        let end = start + length
        for field in options.headers {
            let added = "\(field.name):".withCString { name in
                field.value.withCString { value in
                    name.withMemoryRebound(to: UInt8.self, capacity: 1) { namePointer in
                        value.withMemoryRebound(to: UInt8.self, capacity: 1) { valuePointer in
                            lws_add_http_header_by_name(wsi, namePointer, valuePointer, Int32(field.value.utf8.count), cursor, end)
                        }
                    }
                }
            }
            if added != 0 { return -1 }
        }
        return 0
    }

    /// The handshake response was accepted; its headers are still readable here
    /// (libwebsockets detaches them before CLIENT_ESTABLISHED).
    func readHandshakeResponse() {
        guard let wsi else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        let length = lws_hdr_copy(wsi, &buffer, Int32(buffer.count), WSI_TOKEN_PROTOCOL)
        guard length > 0 else { return }
        let name = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        shared.withLock { $0.subprotocol = name }
    }

    func didEstablish() {
        lastValidity = .now
        let (continuation, closing) = shared.withLock { state -> (CheckedContinuation<Void, any Error>?, Bool) in
            guard state.phase == .connecting else { return (nil, true) }
            state.phase = .open
            defer { state.connectContinuation = nil }
            return (state.connectContinuation, false)
        }
        continuation?.resume()
        if closing, let wsi { peerbot_lws_kill_async(wsi) }
    }

    func didFailToConnect(_ message: String) {
        if let certificateProblem {
            finish(failure: .tlsFailed("the server's certificate was refused: \(certificateProblem)"))
            return
        }
        let lowered = message.lowercased()
        let isTLS = ["ssl", "tls", "cert", "x509", "verify"].contains { lowered.contains($0) }
        finish(failure: isTLS ? .tlsFailed(Self.readable(message)) : .connectFailed(message))
    }

    /// OpenSSL checked a certificate of the server's chain and found a fault
    /// (`preverified` false): keeps the first reason, since the connection
    /// error that follows says only "connect SSL err 1".
    func noteCertificateProblem(_ storeContext: UnsafeMutableRawPointer?, preverified: Bool) {
        guard !preverified, certificateProblem == nil else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        guard peerbot_tls_verify_problem(storeContext, &buffer, buffer.count) == 1 else { return }
        certificateProblem = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// libwebsockets 4.1 formats SSL_get_error's code as an OpenSSL error
    /// ("connect SSL err 1: error:00000001:lib(0)::reason(1)"), which reads like a
    /// cause and is none; that tail is dropped.
    static func readable(_ message: String) -> String {
        guard message.hasPrefix("connect SSL err"), let colon = message.firstIndex(of: ":") else { return message }
        return "the TLS handshake failed (\(message[..<colon]))"
    }

    func didReceivePong() {
        lastValidity = .now
    }

    /// Collects fragments until the message is complete, then hands it to the reader.
    /// Returns -1 to close the connection (the message exceeded the cap).
    func didReceive(_ input: UnsafeMutableRawPointer?, length: Int) -> Int32 {
        guard let wsi else { return -1 }
        if !inMessage {
            inMessage = true
            reassemblyBinary = lws_frame_is_binary(wsi) != 0
        }
        if reassembly.count + length > options.maxMessageBytes {
            shared.withLock { $0.failure = .messageTooLarge(limit: options.maxMessageBytes) }
            let reason = Array("message too big".utf8)
            var bytes = reason
            lws_close_reason(wsi, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, &bytes, bytes.count)
            reassembly = []
            return -1
        }
        if let input, length > 0 {
            reassembly.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
        }
        guard lws_is_final_fragment(wsi) != 0, lws_remaining_packet_payload(wsi) == 0 else { return 0 }
        let message: WebSocketMessage = reassemblyBinary
            ? .binary(Data(reassembly)) : .text(String(decoding: reassembly, as: UTF8.self))
        reassembly = []
        inMessage = false
        deliver(message)
        return 0
    }

    private func deliver(_ message: WebSocketMessage) {
        var pause = false
        let receiver = shared.withLock { state -> CheckedContinuation<WebSocketMessage?, any Error>? in
            if let receiver = state.receiver {
                state.receiver = nil
                return receiver
            }
            state.inbox.append(message)
            if !state.receivePaused, state.inbox.count >= max(1, options.receiveBufferCapacity) {
                state.receivePaused = true
                pause = true
            }
            return nil
        }
        receiver?.resume(returning: message)
        // Stop reading the socket until the reader catches up (see nextMessage).
        if pause, let wsi { lws_rx_flow_control(wsi, 0) }
    }

    /// The reader caught up: read from the socket again.
    func resumeReceiving() {
        shared.withLock { state in
            state.receivePaused = false
            state.resumeRequested = false
        }
        if let wsi { lws_rx_flow_control(wsi, 1) }
    }

    /// The peer sent a Close frame: `input` holds the code (network order) and the reason.
    func peerInitiatedClose(_ input: UnsafeMutableRawPointer?, length: Int) {
        var code: WebSocketCloseCode?
        var reason = ""
        if let input, length >= 2 {
            let bytes = UnsafeRawBufferPointer(start: input, count: length)
            code = WebSocketCloseCode(UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
            reason = String(decoding: bytes[2...], as: UTF8.self)
        }
        peerClose = WebSocketCloseFrame(code: code, reason: reason, initiatedByPeer: true)
    }

    /// Writes at most one chunk of the next queued message, or the Close frame
    /// once everything queued is written. Returns -1 to close the connection.
    func writeable() -> Int32 {
        guard let wsi else { return -1 }
        if current == nil {
            let (next, promoted) = shared.withLock { state -> (OutboundFrame?, SendWaiter?) in
                let next = state.outbox.popFirst()
                guard next != nil, let waiter = state.sendWaiters.popFirst() else { return (next, nil) }
                state.outbox.append(waiter.frame)
                return (next, waiter)
            }
            promoted?.continuation.resume()
            current = next
            currentOffset = 0
        }
        if var frame = current {
            // Drop the stored copy so the buffer is written in place, not copied.
            current = nil
            let total = frame.payloadCount
            let chunk = min(Self.chunkSize, total - currentOffset)
            let flags = peerbot_lws_write_flags(frame.binary ? 1 : 0, currentOffset == 0 ? 1 : 0, currentOffset + chunk == total ? 1 : 0)
            let offset = Self.headroom + currentOffset
            let written = frame.buffer.withUnsafeMutableBufferPointer { buffer in
                lws_write(wsi, buffer.baseAddress! + offset, chunk, flags)
            }
            if written < 0 { return -1 }
            currentOffset += chunk
            // lws_write used the bytes before `offset` as header room; the frame stays ours.
            current = currentOffset == total ? nil : frame
            rearmIfNeeded(wsi)
            return 0
        }
        let close = shared.withLock { $0.closeRequest }
        if var close {
            lws_close_reason(wsi, lws_close_status(rawValue: UInt32(close.code.rawValue)), &close.reason, close.reason.count)
            sentClose = true
            return -1
        }
        rearmIfNeeded(wsi)
        return 0
    }

    private func rearmIfNeeded(_ wsi: OpaquePointer) {
        let more = shared.withLock { state -> Bool in
            let more = current != nil || !state.outbox.isEmpty || state.closeRequest != nil
            state.writeArmed = more
            return more
        }
        if more { lws_callback_on_writable(wsi) }
    }

    /// Loop command: make sure the writeable handler runs.
    func armWriteable() {
        if let wsi { lws_callback_on_writable(wsi) }
    }

    /// Loop command: the caller abandoned the connection before it opened.
    func abort() {
        if let wsi { peerbot_lws_kill_async(wsi) } else { finish(failure: .connectionLost) }
    }

    /// The connection ended: settle every waiter. `failure` wins when given;
    /// otherwise a closing handshake ends the stream cleanly, and a silent
    /// drop is reported as an idle timeout or a lost connection.
    func finish(failure explicit: WebSocketError? = nil) {
        let frame: WebSocketCloseFrame? = peerClose ?? (sentClose ? ownCloseFrame() : nil)
        let silentDrop: WebSocketError
        if loop.isShuttingDown {
            silentDrop = .clientShutDown
        } else {
            // libwebsockets hangs up after `secs_since_valid_hangup` without a pong
            // and does not say so; the time since the last pong tells.
            let hangup = Duration.seconds(Int(options.keepAliveSeconds.hangup))
            silentDrop = ContinuousClock.now - lastValidity >= hangup - .milliseconds(250) ? .idleTimeout : .connectionLost
        }
        let settled = shared.withLock { state -> Settled? in
            guard state.phase != .finished else { return nil }
            let wasConnecting = state.phase == .connecting
            state.phase = .finished
            if state.failure == nil {
                if let explicit {
                    state.failure = explicit
                } else if wasConnecting || frame == nil {
                    state.failure = silentDrop
                }
            }
            state.closeFrame = frame
            var settled = Settled()
            settled.connect = state.connectContinuation
            state.connectContinuation = nil
            if let receiver = state.receiver {
                state.receiver = nil
                settled.receiver = receiver
                if let failure = state.failure {
                    state.failureDelivered = true
                    settled.receiverError = failure
                }
            }
            settled.senders = state.sendWaiters.removeAll()
            _ = state.outbox.removeAll()
            settled.finishWaiters = state.finishWaiters
            state.finishWaiters = []
            settled.error = state.failure ?? .closed(state.closeFrame)
            return settled
        }
        current = nil
        guard let settled else { return }
        loop.releaseConnection()
        settled.connect?.resume(throwing: settled.error)
        if let receiver = settled.receiver {
            if let error = settled.receiverError { receiver.resume(throwing: error) } else { receiver.resume(returning: nil) }
        }
        for sender in settled.senders { sender.continuation.resume(throwing: settled.error) }
        for waiter in settled.finishWaiters { waiter.resume() }
    }

    private func ownCloseFrame() -> WebSocketCloseFrame? {
        shared.withLock { state in
            state.closeRequest.map {
                WebSocketCloseFrame(code: $0.code, reason: String(decoding: $0.reason, as: UTF8.self), initiatedByPeer: false)
            }
        }
    }

    private struct Settled {
        var connect: CheckedContinuation<Void, any Error>?
        var receiver: CheckedContinuation<WebSocketMessage?, any Error>?
        var receiverError: WebSocketError?
        var senders: [SendWaiter] = []
        var finishWaiters: [CheckedContinuation<Void, Never>] = []
        var error: WebSocketError = .connectionLost
    }
}
