import Foundation

/// Runs blocking work — waiting for a child process, reading a pipe to its
/// end, polling with `usleep` — on a thread of its own, and awaits it.
///
/// Why: Swift Testing runs every test, synchronous ones included, on the
/// cooperative pool, which has one thread per core. A test that blocks one of
/// them stalls every other test in the process meanwhile; on a 2-core machine
/// two such tests stopped the in-process adapters for tens of seconds, long
/// enough to miss deadlines a real peer keeps (Discord answers an interaction
/// only within 3 s).
public func awaitBlocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
