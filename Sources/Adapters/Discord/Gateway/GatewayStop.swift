/// Why a gateway session stopped.
public enum GatewayStop: Sendable, Equatable {
    /// The adapter was asked to stop.
    case requested
    /// Discord closed with a code that reconnecting cannot fix (4004, 4010–4014).
    case fatal(GatewayCloseCode)
}
