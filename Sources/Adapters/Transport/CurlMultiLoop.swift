import CCurl
import Foundation
import Logging

/// The one curl multi handle and the dedicated thread that drives it:
/// `curl_multi_perform` → `curl_multi_info_read` → `curl_multi_poll`, again
/// and again. Other threads only enqueue work under the lock and call
/// `curl_multi_wakeup` (documented thread-safe), so no request blocks a
/// thread of the cooperative pool and no request gets a thread of its own.
///
/// `@unchecked Sendable`: the multi handle is used only on the loop thread,
/// except `curl_multi_wakeup`, which is called under the lock and never after
/// the loop has marked itself finished and before it cleans the handle up.
/// `active` is touched only by the loop thread; everything shared is in `state`.
final class CurlMultiLoop: @unchecked Sendable {
    private struct State: Sendable {
        var adds: [CurlTransfer] = []
        var cancels: [UInt64] = []
        var live: Set<UInt64> = []
        var nextID: UInt64 = 0
        var stopping = false
        var finished = false
        var finishWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let multi: UnsafeMutableRawPointer
    private let state = TransportLock(State())
    private let logger: Logger
    /// Loop thread only.
    private var active: [UInt64: CurlTransfer] = [:]

    init(configuration: HTTPClientConfiguration, logger: Logger) throws(HTTPError) {
        try CurlGlobal.ensureInitialized()
        guard let multi = curl_multi_init() else {
            throw HTTPError.transferFailed(code: -1, message: "curl_multi_init failed")
        }
        self.multi = multi
        self.logger = logger
        peerbot_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, configuration.maxConnectionsPerHost))
        peerbot_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(1, configuration.maxConnections))
        peerbot_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(1, configuration.maxConnections))
        let thread = Thread { [self] in run() }
        thread.name = "peerbot.http"
        thread.start()
    }

    /// A new transfer id, unique for this loop.
    func makeID() -> UInt64 {
        state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
    }

    /// Hands `transfer` to the loop. Fails it at once when the calling task is
    /// already cancelled or the loop is stopping.
    func enqueue(_ transfer: CurlTransfer) {
        let refusal: (any Error)? = state.withLock { state in
            if state.stopping { return HTTPError.clientShutDown }
            // Checked under the lock: a cancel handler that ran before this
            // point found no live transfer, so the flag is the only trace of it.
            if Task.isCancelled { return CancellationError() }
            state.live.insert(transfer.id)
            state.adds.append(transfer)
            curl_multi_wakeup(multi)
            return nil
        }
        if let refusal { transfer.fail(refusal) }
    }

    /// Asks the loop to abort transfer `id` if it is still in flight.
    func cancel(id: UInt64) {
        state.withLock { state in
            guard state.live.contains(id), !state.finished else { return }
            state.cancels.append(id)
            curl_multi_wakeup(multi)
        }
    }

    /// Stops the loop: transfers in flight fail with `clientShutDown`. Returns at once.
    func requestStop() {
        state.withLock { state in
            guard !state.stopping else { return }
            state.stopping = true
            if !state.finished { curl_multi_wakeup(multi) }
        }
    }

    /// Stops the loop and waits until its thread has cleaned up and ended.
    func stop() async {
        requestStop()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.finished { return true }
                state.finishWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    // MARK: - Loop thread

    private func run() {
        while true {
            let (adds, cancels, stopping) = state.withLock { state in
                defer { state.adds = []; state.cancels = [] }
                return (state.adds, state.cancels, state.stopping)
            }
            for transfer in adds {
                let code = curl_multi_add_handle(multi, transfer.easy)
                if code == CURLM_OK {
                    active[transfer.id] = transfer
                } else {
                    finish(transfer, error: HTTPError.transferFailed(code: Int(code.rawValue), message: String(cString: curl_multi_strerror(code))))
                }
            }
            for id in cancels {
                if let transfer = active.removeValue(forKey: id) {
                    curl_multi_remove_handle(multi, transfer.easy)
                    finish(transfer, error: CancellationError())
                }
            }
            if stopping { break }

            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            if performed != CURLM_OK {
                logger.error("curl_multi_perform failed", metadata: ["code": "\(performed.rawValue)"])
            }
            drainCompleted()
            var ready: Int32 = 0
            curl_multi_poll(multi, nil, 0, 1000, &ready)
        }
        for transfer in active.values {
            curl_multi_remove_handle(multi, transfer.easy)
            finish(transfer, error: HTTPError.clientShutDown)
        }
        active = [:]
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.finished = true
            for transfer in state.adds { transfer.fail(HTTPError.clientShutDown) }
            state.adds = []
            state.live = []
            defer { state.finishWaiters = [] }
            return state.finishWaiters
        }
        curl_multi_cleanup(multi)
        for waiter in waiters { waiter.resume() }
    }

    private func drainCompleted() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let result = message.pointee.data.result
            var pointer: UnsafeMutableRawPointer?
            peerbot_curl_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &pointer)
            curl_multi_remove_handle(multi, easy)
            guard let pointer else { continue }
            let id = Unmanaged<CurlTransfer>.fromOpaque(pointer).takeUnretainedValue().id
            guard let transfer = active.removeValue(forKey: id) else { continue }
            state.withLock { _ = $0.live.remove(id) }
            transfer.complete(result)
        }
    }

    private func finish(_ transfer: CurlTransfer, error: any Error) {
        state.withLock { _ = $0.live.remove(transfer.id) }
        transfer.fail(error)
    }
}
