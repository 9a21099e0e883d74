#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the health endpoint could not start.
public enum HealthServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed (`bind`, with errno).
    case system(String, Int32)

    public var description: String {
        switch self {
        case .system(let call, let code):
            let reason = String(cString: strerror(code))
            return code == EADDRINUSE ? "\(call): \(reason) (another process listens there)" : "\(call): \(reason)"
        }
    }
}
