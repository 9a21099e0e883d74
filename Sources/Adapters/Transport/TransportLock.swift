#if PEERBOT_PTHREAD_LOCK
import Glibc

/// A lock around a value, shared between the transport's service threads and
/// the callers' tasks.
///
/// This build uses a pthread mutex: ThreadSanitizer on Linux reports false
/// races inside `Synchronization.Mutex`, so `make sanitize` compiles with
/// `-DPEERBOT_PTHREAD_LOCK`.
final class TransportLock<State: Sendable>: @unchecked Sendable {
    // Safe to share: `state` is only read or written between
    // pthread_mutex_lock and pthread_mutex_unlock on `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var state: State

    init(_ state: State) {
        self.state = state
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the state.
    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }
}

#else
import Synchronization

/// A lock around a value, shared between the transport's service threads and
/// the callers' tasks.
///
/// Built on `Synchronization.Mutex`; `make sanitize` swaps in a pthread mutex
/// (`-DPEERBOT_PTHREAD_LOCK`) because ThreadSanitizer misreads `Mutex` on Linux.
final class TransportLock<State: Sendable>: Sendable {
    private let mutex: Mutex<State>

    init(_ state: State) {
        mutex = Mutex(state)
    }

    /// Runs `body` with exclusive access to the state.
    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        try mutex.withLock { (state: inout State) throws -> Result in try body(&state) }
    }
}
#endif
