import Foundation

/// What Linux says about a process's memory (`/proc/PID/status`, proc(5)).
enum ProcessMemory {
    /// The resident set size in KiB (`VmRSS`), or nil when the process is gone.
    static func residentKiB(of pid: Int32) -> Int? {
        guard let status = read("/proc/\(pid)/status") else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            // "VmRSS:\t    1744 kB"
            return line.dropFirst("VmRSS:".count).split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
        }
        return nil
    }

    /// The `Rss…` lines of `/proc/PID/status` in KiB, by name (`VmRSS`,
    /// `RssAnon`, `RssFile`, `RssShmem`); empty when the process is gone.
    static func residentParts(of pid: Int32) -> [String: Int] {
        guard let status = read("/proc/\(pid)/status") else { return [:] }
        var parts: [String: Int] = [:]
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") || line.hasPrefix("Rss") {
            let fields = line.split(whereSeparator: { $0 == ":" || $0.isWhitespace })
            if fields.count >= 2, let value = Int(fields[1]) { parts[String(fields[0])] = value }
        }
        return parts
    }

    /// A whole /proc file, read with read(2) until end of file: such files report
    /// a size of 0, and Foundation's whole-file reads believe it.
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
