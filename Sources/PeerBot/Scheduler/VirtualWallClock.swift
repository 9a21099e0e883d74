import Foundation
import Synchronization

/// A clock that moves only when told to. Used by tests and the console's `--virtual-clock`.
public final class VirtualWallClock: WallClock {
    private let current: Mutex<Date>

    public init(start: Date) {
        current = Mutex(start)
    }

    public var now: Date { current.withLock { $0 } }
    public var isVirtual: Bool { true }

    /// Moves the clock to `instant`; never backwards.
    public func set(_ instant: Date) {
        current.withLock { if instant > $0 { $0 = instant } }
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(max(0, seconds)) }
    }
}
