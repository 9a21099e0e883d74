import Foundation

/// What `GatewaySession` asks its driver to do, in order.
public enum GatewayCommand: Sendable, Equatable {
    /// Open a new connection to `url` after `delay`.
    case connect(URL, after: Duration)
    /// Send a payload on the current connection.
    case send(GatewaySend)
    /// Close the current connection with `code` and stop reading it.
    case close(code: UInt16)
    /// Stop the shard for good.
    case stop(GatewayStop)
}
