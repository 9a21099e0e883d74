import CWebsockets
import Foundation

/// The state of one WebSocket connection, shared between the callers'
/// tasks (send, receive, close) and the libwebsockets service thread.
///
/// `@unchecked Sendable`: everything callers touch is in `shared`, behind a
/// lock. The fields marked "service thread only" are read and written only
/// from libwebsockets callbacks and loop commands, which all run on the one
/// service thread. The object is kept alive for libwebsockets by one retain
/// taken when the connection is created and released on `LWS_CALLBACK_WSI_DESTROY`.
final class WebSocketSession: @unchecked Sendable {
    enum Phase: Sendable { case connecting, open, closing, finished }

    /// A message waiting to be written, with `LWS_PRE` bytes of headroom for libwebsockets' frame header.
    struct OutboundFrame: Sendable {
        var buffer: [UInt8]
        var binary: Bool
        var payloadCount: Int { buffer.count - WebSocketSession.headroom }

        init(_ message: WebSocketMessage) {
            var buffer = [UInt8](repeating: 0, count: WebSocketSession.headroom)
            switch message {
            case .text(let text):
                buffer.append(contentsOf: text.utf8)
                binary = false
            case .binary(let data):
                buffer.append(contentsOf: data)
                binary = true
            }
            self.buffer = buffer
        }
    }

    struct SendWaiter: Sendable {
        var id: UInt64
        var frame: OutboundFrame
        var continuation: CheckedContinuation<Void, any Error>
    }

    struct CloseRequest: Sendable {
        var code: WebSocketCloseCode
        var reason: [UInt8]
    }

    struct Shared: Sendable {
        var phase: Phase = .connecting
        var connectContinuation: CheckedContinuation<Void, any Error>?
        var subprotocol: String?
        var inbox = FIFOQueue<WebSocketMessage>()
        var receiver: CheckedContinuation<WebSocketMessage?, any Error>?
        var receivePaused = false
        var resumeRequested = false
        var outbox = FIFOQueue<OutboundFrame>()
        var sendWaiters = FIFOQueue<SendWaiter>()
        /// True while the service thread is due to run the writeable handler again.
        var writeArmed = false
        var closeRequest: CloseRequest?
        var closeFrame: WebSocketCloseFrame?
        var failure: WebSocketError?
        var failureDelivered = false
        var finishWaiters: [CheckedContinuation<Void, Never>] = []
        var nextWaiterID: UInt64 = 0
    }

    static let headroom = peerbot_lws_pre()
    /// Bytes written per writeable callback: big messages go out as several frames,
    /// so one message never monopolises the service thread.
    static let chunkSize = 64 * 1024

    let shared = TransportLock(Shared())
    let endpoint: WebSocketEndpoint
    let options: WebSocketOptions
    let loop: WebSocketServiceLoop

    // Service thread only.
    var wsi: OpaquePointer?
    var retainedByConnection = false
    var sentClose = false
    var peerClose: WebSocketCloseFrame?
    var lastValidity = ContinuousClock.now
    var reassembly: [UInt8] = []
    var reassemblyBinary = false
    var inMessage = false
    /// Why OpenSSL refused the server's certificate, if it did (see `noteCertificateProblem`).
    var certificateProblem: String?
    var current: OutboundFrame?
    var currentOffset = 0
    let retryPolicy: UnsafeMutablePointer<lws_retry_bo_t>
    let cStrings: LwsCStrings

    init(endpoint: WebSocketEndpoint, options: WebSocketOptions, loop: WebSocketServiceLoop) {
        self.endpoint = endpoint
        self.options = options
        self.loop = loop
        let keepAlive = options.keepAliveSeconds
        retryPolicy = .allocate(capacity: 1)
        retryPolicy.initialize(to: lws_retry_bo_t(
            retry_ms_table: nil, retry_ms_table_count: 0, conceal_count: 0,
            secs_since_valid_ping: keepAlive.ping, secs_since_valid_hangup: keepAlive.hangup, jitter_percent: 0))
        cStrings = LwsCStrings()
    }

    deinit {
        retryPolicy.deinitialize(count: 1)
        retryPolicy.deallocate()
    }

    // MARK: - Caller side

    /// Waits for the opening handshake; the loop is asked to connect by the caller.
    func waitUntilOpen() async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = shared.withLock { state in
                    switch state.phase {
                    case .open: return .success(())
                    case .closing, .finished: return .failure(state.failure ?? .closed(state.closeFrame))
                    case .connecting:
                        if Task.isCancelled { return .failure(CancellationError()) }
                        state.connectContinuation = continuation
                        return nil
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            abandonConnect()
        }
    }

    /// The caller gave up on connecting: fail the wait and have the service thread drop the connection.
    private func abandonConnect() {
        let continuation = shared.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard state.phase == .connecting else { return nil }
            state.phase = .closing
            defer { state.connectContinuation = nil }
            return state.connectContinuation
        }
        continuation?.resume(throwing: CancellationError())
        loop.enqueue(.abort(self))
    }

    /// Queues `message`; suspends while the send queue is full.
    func send(_ message: WebSocketMessage) async throws {
        guard message.byteCount > 0 else { throw WebSocketError.emptyMessage }
        guard message.byteCount <= options.maxMessageBytes else {
            throw WebSocketError.messageTooLarge(limit: options.maxMessageBytes)
        }
        let frame = OutboundFrame(message)
        let id = shared.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enqueue(frame, id: id, continuation: continuation)
            }
        } onCancel: {
            let waiter = shared.withLock { $0.sendWaiters.removeFirst { $0.id == id } }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    private func enqueue(_ frame: OutboundFrame, id: UInt64, continuation: CheckedContinuation<Void, any Error>) {
        enum Decision { case refused(any Error), queued(wake: Bool), waiting }
        let decision: Decision = shared.withLock { state in
            guard state.phase == .open else { return .refused(state.failure ?? .closed(state.closeFrame)) }
            if Task.isCancelled { return .refused(CancellationError()) }
            guard state.sendWaiters.isEmpty, state.outbox.count < max(1, options.sendQueueCapacity) else {
                state.sendWaiters.append(SendWaiter(id: id, frame: frame, continuation: continuation))
                return .waiting
            }
            state.outbox.append(frame)
            let wake = !state.writeArmed
            state.writeArmed = true
            return .queued(wake: wake)
        }
        switch decision {
        case .refused(let error):
            continuation.resume(throwing: error)
        case .queued(let wake):
            if wake { loop.enqueue(.writable(self)) }
            continuation.resume()
        case .waiting:
            break
        }
    }

    /// The next inbound message; nil after a closing handshake; throws once if the connection failed.
    func nextMessage() async throws -> WebSocketMessage? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<WebSocketMessage?, any Error>) in
                var resume = false
                let outcome: Result<WebSocketMessage?, any Error>? = shared.withLock { state in
                    if let message = state.inbox.popFirst() {
                        if state.receivePaused, !state.resumeRequested,
                            state.inbox.count <= max(1, options.receiveBufferCapacity) / 2 {
                            state.resumeRequested = true
                            resume = true
                        }
                        return .success(message)
                    }
                    if state.phase == .finished {
                        if let failure = state.failure, !state.failureDelivered {
                            state.failureDelivered = true
                            return .failure(failure)
                        }
                        return .success(nil)
                    }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.receiver = continuation
                    return nil
                }
                if resume { loop.enqueue(.resumeReceive(self)) }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let receiver = shared.withLock { state in
                defer { state.receiver = nil }
                return state.receiver
            }
            receiver?.resume(throwing: CancellationError())
        }
    }

    /// Starts the closing handshake after queued messages are written; returns at once.
    /// Waiting senders fail with `.closed`.
    func requestClose(code: WebSocketCloseCode, reason: String) {
        var reasonBytes = Array(reason.utf8.prefix(123))
        while !reasonBytes.isEmpty, String(validating: reasonBytes, as: UTF8.self) == nil { reasonBytes.removeLast() }
        let code = code.isSendable ? code : .normalClosure
        let (wake, abandoned, waiters) = shared.withLock { state -> (Bool, Bool, [SendWaiter]) in
            switch state.phase {
            case .open:
                state.phase = .closing
                state.closeRequest = CloseRequest(code: code, reason: reasonBytes)
                let wake = !state.writeArmed
                state.writeArmed = true
                return (wake, false, state.sendWaiters.removeAll())
            case .connecting:
                return (false, true, [])
            case .closing, .finished:
                return (false, false, [])
            }
        }
        for waiter in waiters { waiter.continuation.resume(throwing: WebSocketError.closed(nil)) }
        if abandoned { abandonConnect() }
        if wake { loop.enqueue(.writable(self)) }
    }

    /// Returns when the connection has ended, cleanly or not.
    func waitUntilFinished() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finished = shared.withLock { state -> Bool in
                if state.phase == .finished { return true }
                state.finishWaiters.append(continuation)
                return false
            }
            if finished { continuation.resume() }
        }
    }
}
