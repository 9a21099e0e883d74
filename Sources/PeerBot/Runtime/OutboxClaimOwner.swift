import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who holds an outbox claim: `host:pid:nonce`. A claim whose process is gone
/// (same host, no such pid) is released at start instead of waiting for its
/// lease to run out, so a restart after a crash delivers at once.
public struct OutboxClaimOwner: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let pid: Int32
    public let nonce: String

    /// The identity of this process.
    public static func current() -> OutboxClaimOwner {
        OutboxClaimOwner(
            host: ProcessInfo.processInfo.hostName, pid: getpid(),
            nonce: String(UUID().uuidString.prefix(8)).lowercased())
    }

    public init(host: String, pid: Int32, nonce: String) {
        self.host = host
        self.pid = pid
        self.nonce = nonce
    }

    /// Parses `host:pid:nonce`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]) else { return nil }
        self.init(host: parts.dropLast(2).joined(separator: ":"), pid: pid, nonce: String(parts[parts.count - 1]))
    }

    public var description: String { "\(host):\(pid):\(nonce)" }

    /// True when this owner is a process on this host that no longer exists.
    public var isGoneFromThisHost: Bool {
        guard host == ProcessInfo.processInfo.hostName else { return false }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
