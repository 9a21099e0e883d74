import CTransportLoader
import CWebsockets
import Foundation
import Logging

/// The one libwebsockets context shared by every connection of a client, and
/// the thread that services it.
///
/// libwebsockets is single-threaded: only `lws_cancel_service` may be called
/// from other threads. Callers therefore enqueue commands under the lock and
/// wake the service thread with `lws_cancel_service`; the thread runs
/// `lws_service` (one poll per call) and then the queued commands. The
/// context is created here, serviced and destroyed on the service thread.
///
/// `@unchecked Sendable`: `context` is used from other threads only for
/// `lws_cancel_service`, under the lock and only while `stopping` is false
/// (the thread destroys the context after it has seen `stopping`). The
/// vhost table and `isShuttingDown` are service-thread only.
final class WebSocketServiceLoop: @unchecked Sendable {
    enum Command: Sendable {
        case connect(WebSocketSession)
        case writable(WebSocketSession)
        case resumeReceive(WebSocketSession)
        case abort(WebSocketSession)
    }

    private struct State: Sendable {
        var commands: [Command] = []
        var stopping = false
        var finished = false
        var connections = 0
        var finishWaiters: [CheckedContinuation<Void, Never>] = []
    }

    struct VhostKey: Hashable {
        var caFile: String?
        var compression: Bool
    }

    private static let defaultVhostName = "peerbot-default"

    let configuration: WebSocketClientConfiguration
    let logger: Logger
    private let context: OpaquePointer
    private let state = TransportLock(State())
    private let resources: LwsContextResources
    /// Service thread only.
    private var vhosts: [VhostKey: OpaquePointer] = [:]
    /// Service thread only: true while the context is being destroyed.
    private(set) var isShuttingDown = false

    init(configuration: WebSocketClientConfiguration, logger: Logger) throws(WebSocketError) {
        LwsLogging.install()
        self.configuration = configuration
        self.logger = logger
        let resources = LwsContextResources()
        self.resources = resources
        var info = resources.creationInfo(vhostName: Self.defaultVhostName, caFile: nil, compression: true)
        info.port = peerbot_context_port_no_listen()
        info.options |= peerbot_lws_server_option_validate_utf8()
        info.gid = -1
        info.uid = -1
        info.fd_limit_per_thread = UInt32(max(4, configuration.maxConnections + 4))
        let timeout = UInt32(configuration.connectTimeout.transportSeconds())
        info.timeout_secs = timeout
        info.connect_timeout_secs = timeout
        guard let context = lws_create_context(&info) else {
            // libwebsockets is loaded on this first call (CTransportLoader); say so when it could not be.
            let reason = peerbot_lws_load_error().map { String(cString: $0) } ?? "libwebsockets could not create its context"
            throw WebSocketError.connectFailed(reason)
        }
        self.context = context
        if let vhost = lws_get_vhost_by_name(context, Self.defaultVhostName) {
            vhosts[VhostKey(caFile: nil, compression: true)] = vhost
        }
        let thread = Thread { [self] in run() }
        thread.name = "peerbot.websocket"
        thread.start()
    }

    /// Queues a command for the service thread and wakes it. Returns false when the loop is stopping.
    @discardableResult
    func enqueue(_ command: Command) -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.commands.append(command)
            lws_cancel_service(context)
            return true
        }
    }

    /// Reserves a connection slot; false when the configured maximum is reached or the loop stops.
    /// The slot is given back when the session finishes.
    func reserveConnection() -> Bool {
        state.withLock { state in
            guard !state.stopping, state.connections < configuration.maxConnections else { return false }
            state.connections += 1
            return true
        }
    }

    func releaseConnection() {
        state.withLock { $0.connections -= 1 }
    }

    /// Asks the service thread to close everything and destroy the context. Returns at once.
    func requestStop() {
        state.withLock { state in
            guard !state.stopping else { return }
            state.stopping = true
            lws_cancel_service(context)
        }
    }

    /// Stops the loop and waits until the context is destroyed and the thread has ended.
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

    /// True once a stop was requested.
    var isStopping: Bool { state.withLock { $0.stopping } }

    /// True once the service thread has destroyed the context and ended.
    var isFinished: Bool { state.withLock { $0.finished } }

    // MARK: - Service thread

    private func run() {
        while true {
            let serviced = lws_service(context, 0)
            let (commands, stopping) = state.withLock { state in
                defer { state.commands = [] }
                return (state.commands, state.stopping)
            }
            if stopping {
                for case .connect(let session) in commands { session.finish(failure: .clientShutDown) }
                break
            }
            for command in commands { perform(command) }
            if serviced < 0 {
                logger.error("lws_service failed; closing every WebSocket connection")
                requestStop()
            }
        }
        isShuttingDown = true
        // Closes every connection: their CLIENT_CLOSED / WSI_DESTROY callbacks run here.
        lws_context_destroy(context)
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.finished = true
            defer { state.finishWaiters = [] }
            return state.finishWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private func perform(_ command: Command) {
        switch command {
        case .connect(let session): open(session)
        case .writable(let session): session.armWriteable()
        case .resumeReceive(let session): session.resumeReceiving()
        case .abort(let session): session.abort()
        }
    }

    private func open(_ session: WebSocketSession) {
        let key = VhostKey(caFile: session.options.caFile, compression: session.options.compression)
        guard let vhost = vhost(for: key) else {
            session.finish(failure: .tlsFailed("cannot use the CA file \(key.caFile ?? "(system)")"))
            return
        }
        let endpoint = session.endpoint
        let strings = session.cStrings
        var info = lws_client_connect_info()
        info.context = context
        info.vhost = vhost
        info.address = UnsafePointer(strings.copy(endpoint.host))
        info.port = Int32(endpoint.port)
        info.path = UnsafePointer(strings.copy(endpoint.path))
        info.host = UnsafePointer(strings.copy(endpoint.hostHeader))
        info.ssl_connection = endpoint.secure ? Int32(LCCSCF_USE_SSL.rawValue) : 0
        if !session.options.subprotocols.isEmpty {
            info.protocol = UnsafePointer(strings.copy(session.options.subprotocols.joined(separator: ", ")))
        }
        info.local_protocol_name = resources.protocolName
        info.retry_and_idle_policy = UnsafePointer(session.retryPolicy)
        // The connection holds one retain on the session, released on LWS_CALLBACK_WSI_DESTROY.
        info.opaque_user_data = Unmanaged.passRetained(session).toOpaque()
        session.retainedByConnection = true
        let wsi = lws_client_connect_via_info(&info)
        if let wsi {
            session.wsi = wsi
        } else {
            session.finish(failure: .connectFailed("libwebsockets refused the connection to \(endpoint.host)"))
            if session.retainedByConnection {
                session.retainedByConnection = false
                session.wsi = nil
                Unmanaged.passUnretained(session).release()
            }
        }
    }

    /// The vhost for a trust store and compression choice, created on first use.
    private func vhost(for key: VhostKey) -> OpaquePointer? {
        if let vhost = vhosts[key] { return vhost }
        if let caFile = key.caFile, !FileManager.default.isReadableFile(atPath: caFile) { return nil }
        var info = resources.creationInfo(vhostName: "peerbot-\(vhosts.count)", caFile: key.caFile, compression: key.compression)
        info.port = peerbot_context_port_no_listen()
        guard let vhost = lws_create_vhost(context, &info) else { return nil }
        vhosts[key] = vhost
        return vhost
    }

    /// Called by a session when libwebsockets has destroyed its connection.
    func connectionDestroyed(_ session: WebSocketSession) {
        session.finish()
        session.wsi = nil
        if session.retainedByConnection {
            session.retainedByConnection = false
            Unmanaged.passUnretained(session).release()
        }
    }
}
