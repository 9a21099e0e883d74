import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who holds an outbox claim: `host:pid:nonce`, the nonce beginning with the
/// process's start time (`ticks-random`). A claim whose process is gone (same
/// host, and no such pid, or the pid of a process started at another time) is
/// released at start instead of waiting for its lease to run out, so a
/// restart after a crash delivers at once.
public struct OutboxClaimOwner: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let pid: Int32
    public let nonce: String

    /// The identity of this process.
    public static func current() -> OutboxClaimOwner {
        let random = String(UUID().uuidString.prefix(8)).lowercased()
        return OutboxClaimOwner(
            host: ProcessInfo.processInfo.hostName, pid: getpid(),
            nonce: processStartTicks().map { "\($0)-\(random)" } ?? random)
    }

    /// When this process started, in clock ticks since boot (field 22 of
    /// /proc/self/stat); nil where there is no such file.
    static func processStartTicks() -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        // After the command name in parentheses come the fields from the third on.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 19, fields[19].allSatisfy(\.isNumber) else { return nil }
        return String(fields[19])
    }

    /// The start-time part of the nonce, if it has one.
    private var startTicks: Substring? {
        let parts = nonce.split(separator: "-")
        return parts.count == 2 ? parts[0] : nil
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

    /// True when this owner had `current`'s host and pid but started at
    /// another time: an earlier process that had the pid this one has now — in
    /// a container every start is pid 1 — and so is gone.
    public func isEarlierProcess(withTheSamePidAs current: OutboxClaimOwner) -> Bool {
        guard host == current.host, pid == current.pid, let ours = current.startTicks, let theirs = startTicks else { return false }
        return ours != theirs
    }
}
