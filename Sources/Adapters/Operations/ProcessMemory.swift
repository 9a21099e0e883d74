import CProcessStatistics
import Foundation
import PeerBot

/// Samples this process's `MemoryUse`: `VmRSS` from `/proc/self/status`,
/// the heap from glibc's `mallinfo2`, SQLite's own count.
public enum ProcessMemory {
    public static func sample() -> MemoryUse {
        var use = MemoryUse(
            residentBytes: residentKiB().map { $0 * 1024 }, storeBytes: Int(peerbot_sqlite_memory_used()))
        var inUse: UInt64 = 0
        var reserved: UInt64 = 0
        if peerbot_heap_statistics(&inUse, &reserved) != 0 {
            use.heapInUseBytes = Int(clamping: inUse)
            use.heapReservedBytes = Int(clamping: reserved)
        }
        return use
    }

    /// `VmRSS` of this process in KiB. Read with read(2): /proc files report
    /// a size of 0, which whole-file reads believe.
    static func residentKiB() -> Int? {
        let descriptor = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        return residentKiB(inStatus: String(decoding: bytes, as: UTF8.self))
    }

    /// The `VmRSS:` figure of a `/proc/PID/status` text, in KiB.
    static func residentKiB(inStatus status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.dropFirst("VmRSS:".count).split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
        }
        return nil
    }
}
