import Dispatch
import Foundation
import GRDB

/// Copies the write-ahead log back into the database once a second, on a
/// connection and a thread of its own.
///
/// SQLite's automatic checkpoint runs inside whichever commit crosses 1,000
/// pages of log, with an `fdatasync` that took up to 10 ms here: a page to
/// the facilitators could be that commit, or wait behind it. A passive
/// checkpoint on another connection does the same work beside the writer,
/// which keeps committing meanwhile. (A thread, not a task: the `fdatasync`
/// blocks, and the concurrency pool has one thread per core.)
final class WALCheckpointer: Sendable {
    private let stop = DispatchSemaphore(value: 0)

    /// Starts checkpointing the database at `path` every `interval` seconds, until released.
    init(path: String, interval: TimeInterval = 1) throws {
        var configuration = Configuration()
        configuration.label = "peerbot.checkpoint"
        configuration.busyMode = .timeout(1)
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let stop = stop
        let thread = Thread {
            while stop.wait(timeout: .now() + interval) == .timedOut {
                // Busy (another checkpoint, a reader on an old snapshot) is fine: the next tick goes on.
                _ = try? connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
            }
        }
        thread.name = "peerbot.checkpoint"
        thread.qualityOfService = .utility
        thread.start()
    }

    deinit {
        stop.signal()
    }
}
