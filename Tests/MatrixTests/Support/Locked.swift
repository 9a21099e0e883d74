import Synchronization

/// A value shared between threads in a test.
final class Locked<Value: Sendable>: Sendable {
    private let state: Mutex<Value>

    init(_ value: Value) { state = Mutex(value) }

    var value: Value { state.withLock { $0 } }

    func update<T>(_ body: (inout Value) -> T) -> T { state.withLock { body(&$0) } }
}
