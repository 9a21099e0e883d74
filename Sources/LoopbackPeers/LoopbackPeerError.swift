/// Why a loopback peer could not be started.
public struct LoopbackPeerError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
