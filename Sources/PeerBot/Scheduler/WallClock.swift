import Foundation

/// The time source the core reads. Injected so that every feature is
/// deterministic in tests: real in production, virtual in tests and in
/// `peerbot console --virtual-clock`.
public protocol WallClock: Sendable {
    /// The current instant.
    var now: Date { get }
    /// True when time only moves when told to (`:advance`), so no timer loop runs.
    var isVirtual: Bool { get }
}

/// The system's clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public var now: Date { Date() }
    public var isVirtual: Bool { false }
}
