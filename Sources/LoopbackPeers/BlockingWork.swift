import Foundation

/// Runs blocking work — waiting for a child process, reading a pipe to its
/// end, polling with `usleep` — on a thread of its own, and awaits it.
///
/// Why: Swift Testing runs every test, synchronous ones included, on the
/// cooperative pool, which has one thread per core. A test that blocks one of
/// them leaves the others fewer threads meanwhile; on a 2-core machine two
/// such tests hold the whole pool, and the in-process adapters of other tests
/// wait with their peers' deadlines running (Discord takes an interaction's
/// answer only within 3 s).
public func awaitBlocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
