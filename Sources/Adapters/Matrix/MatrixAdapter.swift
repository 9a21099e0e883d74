import Foundation
import Logging
import PeerBot
import Synchronization

/// Serves Matrix rooms over the client-server API v3: a `/sync` long-poll loop
/// turns room events into `InboundEvent`s; deliveries are `PUT …/send/…/{txnId}`
/// with the outbox entry's idempotency key as txnId, so a retry never posts twice.
///
/// The sync position is stored (`CursorRecords`) only after every event of a
/// batch was handled, and each handled event is recorded (`SeenEventRecords`),
/// so a restart replays what was not handled and skips what was.
public final class MatrixAdapter: ChatAdapter {
    public let platform = Platform.matrix
    public let configuration: MatrixConfiguration
    let store: any Store
    let http: any MatrixHTTP
    let logger: Logger
    let tracker = MatrixEventTracker()
    let gate = MatrixSessionGate()
    /// The sync loop's connection, reconnects and rate-limit waits.
    let connection = ConnectionHealth()
    let stream: AsyncStream<InboundEvent>
    let continuation: AsyncStream<InboundEvent>.Continuation
    private let control = Mutex<Control>(Control())

    private struct Control {
        var task: Task<Void, any Error>?
        var stopped = false
    }

    /// True once `run()` has begun (sign-in may still be under way).
    var isStarted: Bool { control.withLock { $0.task != nil && !$0.stopped } }

    /// - Parameters:
    ///   - configuration: an enabled, validated `[matrix]` section.
    ///   - store: where the sync position, handled events and DM rooms are kept.
    ///   - http: the HTTP transport (the shared `HTTPClient`).
    public init(configuration: MatrixConfiguration, store: any Store, http: any MatrixHTTP, logger: Logger = Logger(label: "peerbot.matrix")) {
        self.configuration = configuration
        self.store = store
        self.http = http
        self.logger = logger
        (stream, continuation) = AsyncStream.makeStream(of: InboundEvent.self, bufferingPolicy: .unbounded)
    }

    public func events() -> AsyncStream<InboundEvent> { stream }

    /// Connected once signed in and while `/sync` succeeds; reconnecting while
    /// the homeserver cannot be reached; disconnected when the token is rejected.
    public var health: AdapterHealth { connection.snapshot }

    /// Signs in, joins the configured rooms and syncs until `stop()`. Throws
    /// `MatrixStopReason` after logging it once when retrying cannot help.
    public func run() async throws {
        let task: Task<Void, any Error>? = control.withLock { control in
            guard !control.stopped else { return nil }
            let task = Task { try await self.runSession() }
            control.task = task
            return task
        }
        guard let task else { return }
        defer { continuation.finish() }
        do {
            try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
            connection.stopped()
        } catch is CancellationError {
            connection.stopped()
            return
        } catch let reason as MatrixStopReason {
            connection.failed()
            logger.critical("Matrix adapter stopped: \(reason.description)")
            throw reason
        } catch {
            connection.failed()
            throw error
        }
    }

    public func stop() async {
        connection.stopped()
        let task = control.withLock { control in
            control.stopped = true
            return control.task
        }
        task?.cancel()
        await tracker.cancel()
        await gate.close()
        continuation.finish()
    }

    public func didProcess(_ event: InboundEvent) async {
        guard let handled = await tracker.handled() else { return }
        if let eventID = handled {
            do {
                _ = try store.write { try $0.markSeen(platform: .matrix, eventID: eventID, at: Date()) }
            } catch {
                logger.error("cannot record a handled event", metadata: ["event": "\(eventID)", "error": "\(error)"])
            }
        }
        await tracker.resumeIfIdle()
    }

    /// The store key of the sync position (per account: another account's position is meaningless).
    var sinceCursor: String { "matrix:\(configuration.userID):since" }
}
