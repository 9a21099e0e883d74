import Foundation

/// The process's memory as Linux reports it in /proc/self/status.
struct ProcessMemory {
    /// VmRSS: resident set size now, in KiB.
    var residentKiB: Int
    /// VmHWM: the peak resident set size, in KiB.
    var peakResidentKiB: Int

    static func read() -> ProcessMemory {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
                return Int(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") ?? 0
            }
            return 0
        }
        return ProcessMemory(residentKiB: field("VmRSS"), peakResidentKiB: field("VmHWM"))
    }
}
