import CProcessStatistics
import Foundation
import PeerBot

/// A process's memory as Linux and the allocators report it: the figures of
/// `/proc/PID/status`, and this process's `MemoryUse` (`VmRSS`, the heap from
/// glibc's `mallinfo2`, SQLite's own count).
public enum ProcessMemory {
    public static func sample() -> MemoryUse {
        var use = MemoryUse(
            residentBytes: status()["VmRSS"].map { $0 * 1024 }, storeBytes: Int(peerbot_sqlite_memory_used()))
        var inUse: UInt64 = 0
        var reserved: UInt64 = 0
        if peerbot_heap_statistics(&inUse, &reserved) != 0 {
            use.heapInUseBytes = Int(clamping: inUse)
            use.heapReservedBytes = Int(clamping: reserved)
        }
        return use
    }

    /// The figures of `/proc/<process>/status` in KiB by name (`VmRSS`,
    /// `VmHWM`, `RssAnon`, `RssFile`, …); empty when the process is gone.
    public static func status(of process: String = "self") -> [String: Int] {
        read("/proc/\(process)/status").map(figures(inStatus:)) ?? [:]
    }

    /// The `Name:  N kB` lines of a status text, in KiB by name.
    static func figures(inStatus status: String) -> [String: Int] {
        var figures: [String: Int] = [:]
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == ":" || $0.isWhitespace })
            if fields.count == 3, fields[2] == "kB", let value = Int(fields[1]) { figures[String(fields[0])] = value }
        }
        return figures
    }

    /// A whole /proc file, read with read(2) until end of file: such files
    /// report a size of 0, which whole-file reads believe.
    private static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
