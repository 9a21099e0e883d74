import Synchronization

/// Bounds work that must not hold up a shutdown.
public enum Deadline {
    /// Runs `operation` and returns true when it finished within `limit`.
    /// Otherwise cancels it and returns false at once, without waiting for it
    /// (an adapter stuck in a write must not keep the process alive).
    public static func run(within limit: Duration, _ operation: @escaping @Sendable () async -> Void) async -> Bool {
        let race = Race()
        let work = Task { await operation() }
        let finished = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            race.arm(continuation)
            Task {
                await work.value
                race.finish(true)
            }
            race.setTimer(
                Task {
                    try? await Task.sleep(for: limit)
                    if race.finish(false) { work.cancel() }
                })
        }
        race.cancelTimer()
        return finished
    }

    /// Whichever of the work and the timer ends first resumes the caller; the other finds nothing to resume.
    private final class Race: Sendable {
        private let state = Mutex<(continuation: CheckedContinuation<Bool, Never>?, timer: Task<Void, Never>?)>((nil, nil))

        func arm(_ continuation: CheckedContinuation<Bool, Never>) {
            state.withLock { $0.continuation = continuation }
        }

        func setTimer(_ timer: Task<Void, Never>) {
            state.withLock { $0.timer = timer }
        }

        /// Resumes the caller with `result` unless it was resumed already; true when this call did it.
        @discardableResult
        func finish(_ result: Bool) -> Bool {
            guard let continuation = state.withLock({ $0.continuation.take() }) else { return false }
            continuation.resume(returning: result)
            return true
        }

        func cancelTimer() {
            state.withLock { $0.timer }?.cancel()
        }
    }
}
